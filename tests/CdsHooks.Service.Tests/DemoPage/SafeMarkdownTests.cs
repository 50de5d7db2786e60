using CdsHooks.Service.DemoPage;

namespace CdsHooks.Service.Tests.DemoPage;

public sealed class SafeMarkdownTests
{
    [Fact]
    public void ToHtml_RawHtml_IsEscapedNotPassedThrough()
    {
        string html = SafeMarkdown.ToHtml("Text <script>alert(1)</script> and <img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](data:text/html,<b>x</b>)")]
    [InlineData("[click](vbscript:msgbox)")]
    public void ToHtml_LinkWithAnUnsafeScheme_KeepsTheWordsOnly(string markdown)
    {
        string html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.Contains("click", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_HttpsLinkAndFormatting_RenderWithoutOpener()
    {
        string html = SafeMarkdown.ToHtml("**Evidence:**\n\n- [NCT06010472](https://clinicaltrials.gov/study/NCT06010472)\n- second");

        Assert.Contains("<strong>Evidence:</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://clinicaltrials.gov/study/NCT06010472\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", html, StringComparison.Ordinal);
        Assert.Contains("target=\"_blank\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Image_IsDroppedSoTheBrowserFetchesNothing()
    {
        string html = SafeMarkdown.ToHtml("![tracker](https://example.org/pixel.png)");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("[image:", html, StringComparison.Ordinal);
    }
}

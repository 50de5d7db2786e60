using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CdsHooks.Service.DemoPage;

/// <summary>
/// Renders card detail (CDS Hooks: GitHub-flavoured markdown) to HTML that is safe to insert into the demo page: raw HTML
/// is escaped, not passed through; links keep only http, https and mailto targets and open in a new tab without an
/// opener; images are dropped, as a card must not make the browser fetch from elsewhere.
/// </summary>
internal static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    /// <summary>Renders one markdown text.</summary>
    /// <param name="markdown">The card's detail.</param>
    /// <returns>Safe HTML.</returns>
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !IsSafe(link.Url))
            {
                // Keep the words, lose the target.
                var text = new LiteralInline(link.IsImage ? $"[image: {link.Title ?? link.Url}]" : Label(link));
                link.ReplaceBy(text);
                continue;
            }

            var attributes = link.GetAttributes();
            attributes.AddPropertyIfNotExist("target", "_blank");
            attributes.AddPropertyIfNotExist("rel", "noopener noreferrer");
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().Where(a => !IsSafe(a.Url)).ToList())
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    private static bool IsSafe(string? url)
        => url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);

    private static string Label(LinkInline link)
    {
        var words = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        return words.Length > 0 ? words : link.Url ?? string.Empty;
    }
}

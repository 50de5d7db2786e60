using Microsoft.Playwright;

namespace CdsHooks.EndToEnd.Tests.Infrastructure;

/// <summary>One demo host and one browser for the whole end-to-end collection (starting Chromium costs seconds).</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IPage, List<string>> _errors = new();

    public DemoHost Host { get; } = new();

    public Browser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where screenshots go: test artefacts, outside the source tree's tracked files.</summary>
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("CDSHOOKS_E2E_ARTIFACTS") is { Length: > 0 } dir ? dir
            : Path.Combine(CdsHooks.Testing.RepoPaths.Root, "TestResults", "e2e")).FullName;

    public async Task InitializeAsync()
    {
        BaseAddress = Host.BaseAddress;
        Browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Host.DisposeAsync();
    }

    /// <summary>A new tab on the demo page; the store is reset so each test starts from the seed data.</summary>
    public async Task<IPage> OpenDemoAsync(string? patientId = null)
    {
        using (var client = Host.CreateClient())
        {
            using var reset = await client.PostAsync(new Uri("demo/api/reset", UriKind.Relative), null);
            reset.EnsureSuccessStatusCode();
        }

        var page = await Browser.Context.NewPageAsync();
        var errors = new List<string>();
        _errors[page] = errors;
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        await page.GotoAsync(new Uri(BaseAddress, patientId is null ? string.Empty : $"?patient={patientId}").ToString());
        return page;
    }

    /// <summary>Script errors and console errors the page reported (a CSP violation shows up here too).</summary>
    public IReadOnlyList<string> ErrorsOf(IPage page) => _errors.TryGetValue(page, out var errors) ? errors : [];

    /// <summary>Saves a full-page screenshot as a test artefact and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        string path = Path.Combine(ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoPageGroup : ICollectionFixture<DemoFixture>
{
    public const string Name = "Demo page in Chromium";
}

using Microsoft.Playwright;

namespace CdsHooks.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright through its executable path (Playwright's own browser download cannot run
/// here): headless, no sandbox (CI runs as root), nothing that reaches the network, and a fresh profile every run.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    /// <summary>The environment variable that overrides the Chromium binary.</summary>
    public const string ExecutableVariable = "CHROMIUM_PATH";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly DirectoryInfo _profile;

    private Browser(IPlaywright playwright, IBrowserContext context, DirectoryInfo profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    /// <summary>The browser's single context (a persistent context on the fresh profile).</summary>
    public IBrowserContext Context { get; }

    public static async Task<Browser> LaunchAsync()
    {
        string executable = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium was not found at {executable}. Run scripts/test.sh (it installs Debian's chromium), or set {ExecutableVariable}.");
        }

        var profile = Directory.CreateTempSubdirectory("cdshooks-e2e-profile-");
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Arguments,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return new Browser(playwright, context, profile);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        _profile.Delete(recursive: true);
    }
}

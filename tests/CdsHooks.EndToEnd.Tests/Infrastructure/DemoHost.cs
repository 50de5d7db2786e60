using CdsHooks.Testing;
using CdsHooks.Testing.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CdsHooks.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real service (Program) in the Demo environment, exactly as <c>scripts/run-demo.sh</c> starts it, but on a free
/// loopback port, with a fixed clock and its own SQLite feedback file.
/// </summary>
public sealed class DemoHost : WebApplicationFactory<Program>
{
    /// <summary>The service's "today": the demo data is shifted so every vignette is evaluated on this day.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public DemoHost()
    {
        DatabasePath = Path.Combine(Path.GetTempPath(), "cdshooks-e2e", Guid.NewGuid().ToString("N") + ".db");
        UseKestrel(0);
    }

    /// <summary>The SQLite feedback database.</summary>
    public string DatabasePath { get; }

    /// <summary>The root URL the browser opens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress
    {
        get
        {
            using var client = CreateClient();
            return client.BaseAddress!;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Demo");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Clinical:KnowledgeDirectory", RepoPaths.Knowledge);
        builder.UseSetting("Clinical:ProfilesDirectory", RepoPaths.Profiles);
        builder.UseSetting("Demo:PatientsDirectory", RepoPaths.Patients);
        builder.UseSetting("Feedback:SqlitePath", DatabasePath);
        builder.ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (string file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}

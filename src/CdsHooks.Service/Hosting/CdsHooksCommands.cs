using CdsHooks.Service.Storage;

namespace CdsHooks.Service.Hosting;

/// <summary>
/// Commands the same binary runs instead of serving: <c>migrate</c> (apply schema migrations with the service's
/// configuration, e.g. from a Kubernetes Job before a rollout) and <c>healthcheck</c> (a container health probe
/// that needs no curl in the image).
/// </summary>
internal static class CdsHooksCommands
{
    public static bool IsCommand(string[] args) => args is ["migrate", ..] or ["healthcheck", ..];

    public static async Task<int> RunAsync(string[] args) => args[0] switch
    {
        "migrate" => await MigrateAsync(args[1..]).ConfigureAwait(false),
        _ => await HealthCheckAsync(args[1..]).ConfigureAwait(false),
    };

    private static async Task<int> MigrateAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddStorage(builder.Configuration);
        await using var app = builder.Build();
        var migrator = app.Services.GetRequiredService<IStoreMigrator>();
        int applied = await migrator.MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"Applied {applied} migration(s); the schema is at version {migrator.TargetVersion}.").ConfigureAwait(false);
        return 0;
    }

    // Probes the liveness endpoint on this container's own port (ASPNETCORE_HTTP_PORTS, default 8080).
    private static async Task<int> HealthCheckAsync(string[] args)
    {
        string port = args.Length > 0 ? args[0] : (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(',', ';')[0] ?? "8080");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}{HealthEndpoints.Live}")).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}

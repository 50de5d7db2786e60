using CdsHooks.Service.Hosting;
using CdsHooks.Service.Storage;
using CdsHooks.Service.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CdsHooks.Service.Tests.Deploy;

/// <summary>The commands the image runs besides serving: <c>healthcheck</c> (Docker HEALTHCHECK) and <c>migrate</c>.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task HealthCheck_AgainstARunningHost_Exits0_AndAgainstNothing_Exits1()
    {
        using var app = new CdsHooksApp();
        using var client = app.CreateClient();
        string port = client.BaseAddress!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(0, await CdsHooksCommands.RunAsync(["healthcheck", port]));
        await app.DisposeAsync();
        Assert.Equal(1, await CdsHooksCommands.RunAsync(["healthcheck", port]));
    }

    [Fact]
    public async Task Migrate_OnAnEmptyFile_BringsTheSchemaToTheTargetVersion()
    {
        string path = Path.Combine(Path.GetTempPath(), "cdshooks-tests", Guid.NewGuid().ToString("N") + ".db");
        try
        {
            Assert.Equal(0, await CdsHooksCommands.RunAsync(["migrate", $"--Storage:SqlitePath={path}"]));

            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT MAX(version) FROM schema_migrations";
            Assert.Equal((long)SqliteMigrations.All[^1].Version, await command.ExecuteScalarAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}

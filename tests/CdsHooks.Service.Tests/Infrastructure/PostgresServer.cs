using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CdsHooks.Testing;
using Npgsql;

namespace CdsHooks.Service.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the test run: the one named by <c>CDSHOOKS_TEST_POSTGRES</c> (scripts/test.sh starts
/// one), or else a throwaway cluster this fixture starts with scripts/lib/throwaway-postgres.sh and stops after.
/// Each test class gets its own database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>The environment variable naming an existing server (admin connection string).</summary>
    public const string EnvironmentVariable = "CDSHOOKS_TEST_POSTGRES";

    private string? _ownedDirectory;

    /// <summary>The admin connection string (database <c>postgres</c>).</summary>
    public string AdminConnectionString { get; private set; } = string.Empty;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            AdminConnectionString = given;
            return;
        }

        _ownedDirectory = Path.Combine(Path.GetTempPath(), "cdshooks-pg-" + Guid.NewGuid().ToString("N")[..8]);
        AdminConnectionString = (await RunScriptAsync("start", _ownedDirectory, FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture))).Trim();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = "cdstest_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_ownedDirectory is not null)
        {
            await RunScriptAsync("stop", _ownedDirectory);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "lib", "throwaway-postgres.sh"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"Could not start a PostgreSQL server for the tests (install Debian's postgresql, or set {EnvironmentVariable}): {error}");
    }
}

/// <summary>The tests that share one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PostgreSQL";
}

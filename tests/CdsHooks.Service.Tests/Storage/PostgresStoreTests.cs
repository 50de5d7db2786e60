using CdsHooks.Service.Tests.Infrastructure;

namespace CdsHooks.Service.Tests.Storage;

/// <summary>The store contract on a fresh database of a real PostgreSQL server.</summary>
[Collection(PostgresGroup.Name)]
public sealed class PostgresStoreTests(PostgresServer server) : StoreContractTests
{
    protected override async Task<Dictionary<string, string?>> StorageSettingsAsync() => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = await server.CreateDatabaseAsync(),
    };

    protected override Task CleanUpAsync() => Task.CompletedTask;
}

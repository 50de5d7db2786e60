namespace CdsHooks.Service.Tests.Storage;

/// <summary>The store contract on a fresh SQLite file.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cdshooks-tests", Guid.NewGuid().ToString("N") + ".db");

    protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => Task.FromResult(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:SqlitePath"] = _path,
    });

    protected override Task CleanUpAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string file in new[] { _path, _path + "-wal", _path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}

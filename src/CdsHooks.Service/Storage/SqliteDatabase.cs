using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Storage;

/// <summary>Opens connections to the SQLite file, creating its folder first.</summary>
internal sealed class SqliteDatabase(IOptions<StorageOptions> options, IHostEnvironment? environment = null)
{
    // A relative path is taken from the content root, so the file is in the same place however the host was started.
    private readonly string _path = Path.GetFullPath(options.Value.SqlitePath, environment?.ContentRootPath ?? Directory.GetCurrentDirectory());

    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = _path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 5,
    }.ToString();

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        string? folder = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}

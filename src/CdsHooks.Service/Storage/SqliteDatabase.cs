using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Storage;

/// <summary>Opens connections to the SQLite file, creating its folder first.</summary>
internal sealed class SqliteDatabase
{
    private readonly string _path;
    private bool _folderExists;

    public SqliteDatabase(IOptions<StorageOptions> options, IHostEnvironment? environment = null)
    {
        // A relative path is taken from the content root, so the file is in the same place however the host was started.
        _path = Path.GetFullPath(options.Value.SqlitePath, environment?.ContentRootPath ?? Directory.GetCurrentDirectory());
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 5,
        }.ToString();
    }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // Connections open on the request path (replay cache, feedback, audit): the folder is made once, not per open.
        if (!Volatile.Read(ref _folderExists))
        {
            string? folder = Path.GetDirectoryName(_path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            Volatile.Write(ref _folderExists, true);
        }

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}

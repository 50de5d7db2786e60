using Microsoft.Extensions.Options;
using Npgsql;

namespace CdsHooks.Service.Storage;

/// <summary>Checks the storage settings that span fields, at startup.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider != StorageProvider.PostgreSql)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Storage:Provider is PostgreSql, but Storage:ConnectionString is empty. Set it to an Npgsql connection string (Host=…;Database=…;Username=…;Password=…).");
        }

        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrEmpty(parsed.Host)
                ? ValidateOptionsResult.Fail("Storage:ConnectionString names no Host.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            // The parser's message can quote the string, password included.
            return ValidateOptionsResult.Fail("Storage:ConnectionString is not a valid Npgsql connection string.");
        }
    }
}

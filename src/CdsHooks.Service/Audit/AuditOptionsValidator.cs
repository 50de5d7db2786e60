using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Audit;

/// <summary>Checks at startup that an enabled audit trail has a usable patient-id key.</summary>
internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.PatientHashKey))
        {
            return ValidateOptionsResult.Fail("Audit:PatientHashKey is required while Audit:Enabled is true: set a base64 key of at least 32 bytes (e.g. from `openssl rand -base64 32`), the same on every instance.");
        }

        Span<byte> buffer = stackalloc byte[512];
        if (!Convert.TryFromBase64String(options.PatientHashKey, buffer, out int length) || length < AuditOptions.MinimumKeyBytes)
        {
            return ValidateOptionsResult.Fail($"Audit:PatientHashKey must be base64 of at least {AuditOptions.MinimumKeyBytes} bytes.");
        }

        return ValidateOptionsResult.Success;
    }
}

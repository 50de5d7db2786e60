using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Audit;

/// <summary>
/// Turns a patient id into HMAC-SHA256 under the site's key (hex). Without the key the hash cannot be reversed by
/// trying likely ids; with it, an auditor can find one patient's calls.
/// </summary>
internal sealed class PatientIdHasher(IOptions<AuditOptions> options)
{
    private readonly byte[] _key = options.Value.PatientHashKey is { Length: > 0 } key ? Convert.FromBase64String(key) : [];

    public string Hash(string patientId) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(patientId)));
}

namespace CdsHooks.Service.Audit;

/// <summary>The invocation audit trail (configuration section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Audit";

    /// <summary>The fewest key bytes accepted for the patient-id HMAC.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Whether invocations are recorded (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The HMAC key for patient ids, base64, at least 32 bytes (e.g. <c>openssl rand -base64 32</c>). Required when
    /// the trail is on. Every instance needs the same key, so that one patient hashes alike everywhere; keep it in a
    /// secret, since with it a known id can be matched to its rows.
    /// </summary>
    public string? PatientHashKey { get; set; }

    /// <summary>The name recorded for this instance; defaults to the machine (pod) name.</summary>
    public string? InstanceName { get; set; }
}

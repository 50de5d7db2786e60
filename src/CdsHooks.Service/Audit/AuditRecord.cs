namespace CdsHooks.Service.Audit;

/// <summary>
/// One service invocation in the audit trail. It says who asked, about which hook, what was answered and how fast,
/// and which patient only as a keyed hash: the trail links calls about the same patient without holding the id.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>When the invocation was received.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The service instance that answered (<see cref="AuditOptions.InstanceName"/>).</summary>
    public required string Instance { get; init; }

    /// <summary>The authenticated client's <c>iss</c>, or null when authentication is off.</summary>
    public string? ClientIssuer { get; init; }

    /// <summary>The client's <c>tenant</c> (or Entra <c>tid</c>), when it sent one.</summary>
    public string? ClientTenant { get; init; }

    /// <summary>The service id from the URL.</summary>
    public required string ServiceId { get; init; }

    /// <summary>The request's hook, when the body could be read.</summary>
    public string? Hook { get; init; }

    /// <summary>The client's <c>hookInstance</c>, when the body could be read.</summary>
    public string? HookInstance { get; init; }

    /// <summary>HMAC-SHA256 of the context's <c>patientId</c> under the site's key (<see cref="PatientIdHasher"/>), hex.</summary>
    public string? PatientHash { get; init; }

    /// <summary>The rule ids of the cards returned, in card order.</summary>
    public IReadOnlyList<string> CardRules { get; init; } = [];

    /// <summary>Time from the request reaching the service to the response being written.</summary>
    public required double LatencyMs { get; init; }

    /// <summary>The HTTP status answered.</summary>
    public required int Status { get; init; }

    /// <summary>The prefetch keys whose data was missing or partial.</summary>
    public IReadOnlyList<string> DataGaps { get; init; } = [];
}

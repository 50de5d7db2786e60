using System.Text;
using System.Text.Json;

namespace CdsHooks.Protocol.Requests;

/// <summary>
/// The body of a CDS service call, <c>POST {baseUrl}/cds-services/{id}</c> (CDS Hooks 2.0.1 §Calling a CDS Service).
/// FHIR content (context resources, prefetch values, extensions) is kept exactly as received, as <see cref="JsonElement"/>.
/// </summary>
/// <remarks>
/// When read through <see cref="Json.CdsRequestReader"/> the elements point into a document owned by
/// <see cref="Json.ParsedCdsRequest"/>; they are valid until that object is disposed.
/// <see cref="ToString"/> prints no patient data and no token.
/// </remarks>
public sealed record CdsRequest
{
    /// <summary>REQUIRED. The hook that triggered the call, e.g. <c>patient-view</c>.</summary>
    public required string Hook { get; init; }

    /// <summary>REQUIRED. The client's id for this hook invocation; a UUID per the spec, but any non-empty string is accepted.</summary>
    public required string HookInstance { get; init; }

    /// <summary>CONDITIONAL. The base URL of the client's FHIR server; required when <see cref="FhirAuthorization"/> is present (cds-r-1).</summary>
    public Uri? FhirServer { get; init; }

    /// <summary>OPTIONAL. The OAuth 2.0 bearer token the service may use against <see cref="FhirServer"/>.</summary>
    public FhirAuthorization? FhirAuthorization { get; init; }

    /// <summary>REQUIRED. The hook-specific context object; see <see cref="Hooks.HookContext.Parse"/>.</summary>
    public required JsonElement Context { get; init; }

    /// <summary>
    /// OPTIONAL. Prefetch key → FHIR resource. A value of JSON <c>null</c> ("no data") is kept as an element of
    /// <see cref="JsonValueKind.Null"/>; a key the client did not satisfy is absent.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement>? Prefetch { get; init; }

    /// <summary>OPTIONAL. The request's <c>extension</c> object, as received.</summary>
    public JsonElement? Extension { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        // The context and prefetch carry patient data and the authorization carries a token: print only safe facts.
        builder.Append("Hook = ").Append(Hook)
            .Append(", HookInstance = ").Append(HookInstance)
            .Append(", FhirServer = ").Append(FhirServer)
            .Append(", FhirAuthorization = ").Append(FhirAuthorization is null ? "absent" : "present")
            .Append(", PrefetchKeys = ").Append(Prefetch is null ? "absent" : string.Join(",", Prefetch.Keys))
            .Append(", Extension = ").Append(Extension is null ? "absent" : "present");
        return true;
    }
}

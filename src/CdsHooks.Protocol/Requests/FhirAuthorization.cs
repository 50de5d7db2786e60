using System.Text;
using System.Text.Json.Serialization;

namespace CdsHooks.Protocol.Requests;

/// <summary>
/// The <c>fhirAuthorization</c> object of a CDS Hooks request: an OAuth 2.0 bearer token scoped to this service and
/// the current user (CDS Hooks 2.0.1 §fhirAuthorization; STU in 3.0). The token is transient: never store, share or
/// log it. <see cref="ToString"/> redacts it.
/// </summary>
public sealed record FhirAuthorization
{
    /// <summary>REQUIRED. The OAuth 2.0 access token. Secret.</summary>
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    /// <summary>REQUIRED. Fixed value <c>Bearer</c>.</summary>
    [JsonPropertyName("token_type")]
    public required string TokenType { get; init; }

    /// <summary>REQUIRED by the spec (tolerated when absent). Lifetime of the token in seconds.</summary>
    [JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; init; }

    /// <summary>REQUIRED by the spec (tolerated when absent). The granted SMART scopes, v1 (<c>.read</c>) or v2 (<c>.rs</c>) form.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    /// <summary>REQUIRED by the spec (tolerated when absent). The OAuth client_id of the CDS service.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>CONDITIONAL (3.0). The patient id the token is scoped to, when the scopes are <c>patient/</c> scopes (cds-r-2).</summary>
    [JsonPropertyName("patient")]
    public string? Patient { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        // Never print the token, and never the patient id.
        builder.Append("AccessToken = [redacted], TokenType = ").Append(TokenType)
            .Append(", ExpiresIn = ").Append(ExpiresIn)
            .Append(", Scope = ").Append(Scope)
            .Append(", Subject = ").Append(Subject)
            .Append(", Patient = ").Append(Patient is null ? string.Empty : "[redacted]");
        return true;
    }
}

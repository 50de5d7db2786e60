namespace CdsHooks.Protocol.Errors;

/// <summary>
/// Stable error codes for rejected CDS Hooks request and feedback bodies. A code, once published, keeps its meaning;
/// a retired code stays here, marked obsolete with the reason.
/// </summary>
public static class CdsErrorCodes
{
    /// <summary>The body is not well-formed JSON (or is empty).</summary>
    public const string MalformedJson = "CDS-REQ-001";

    /// <summary>A field has the wrong JSON type, e.g. a number where a string is required.</summary>
    public const string WrongJsonType = "CDS-REQ-002";

    /// <summary>A REQUIRED field is absent, <c>null</c> or empty.</summary>
    public const string MissingRequiredField = "CDS-REQ-003";

    /// <summary>The request's <c>hook</c> is not the hook the called service is bound to (raised by the host).</summary>
    public const string HookMismatch = "CDS-REQ-004";

    /// <summary>The hook <c>context</c> does not satisfy the hook definition, e.g. a malformed <c>userId</c>.</summary>
    public const string InvalidHookContext = "CDS-REQ-005";

    /// <summary><c>fhirServer</c> is not an absolute http or https URL.</summary>
    public const string InvalidFhirServer = "CDS-REQ-006";

    /// <summary><c>fhirAuthorization</c> is present without <c>fhirServer</c> (invariant cds-r-1).</summary>
    public const string FhirAuthorizationWithoutFhirServer = "CDS-REQ-007";

    /// <summary>The JSON nesting exceeds the configured maximum depth.</summary>
    public const string JsonTooDeep = "CDS-REQ-008";

    /// <summary>A feedback body breaks a feedback rule (cds-fb-1..3 or the timestamp format).</summary>
    public const string InvalidFeedback = "CDS-REQ-009";

    /// <summary>The hook name is not one this library knows how to read the context of.</summary>
    public const string UnsupportedHook = "CDS-REQ-010";

    /// <summary><c>fhirAuthorization</c> has an invalid value, e.g. a <c>token_type</c> other than <c>Bearer</c>.</summary>
    public const string InvalidFhirAuthorization = "CDS-REQ-011";

    /// <summary>The body is larger than the configured maximum size (answered with 413).</summary>
    public const string BodyTooLarge = "CDS-REQ-012";
}

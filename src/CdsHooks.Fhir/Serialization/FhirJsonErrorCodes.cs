namespace CdsHooks.Fhir.Serialization;

/// <summary>
/// Stable codes for FHIR JSON reading errors. A code is never reused with another meaning;
/// a retired code stays here, marked obsolete.
/// </summary>
public static class FhirJsonErrorCodes
{
    /// <summary>The resource object has no <c>resourceType</c> member.</summary>
    public const string MissingResourceType = "FHIR-JSON-001";

    /// <summary>An element has the wrong JSON type (e.g. a string where an object or boolean belongs).</summary>
    public const string InvalidElementType = "FHIR-JSON-002";

    /// <summary>A date, dateTime or instant is not valid FHIR syntax.</summary>
    public const string InvalidDateTime = "FHIR-JSON-003";

    /// <summary>The text is not well-formed JSON.</summary>
    public const string InvalidJson = "FHIR-JSON-004";

    /// <summary>The resource is of another type than the one asked for.</summary>
    public const string UnexpectedResourceType = "FHIR-JSON-005";

    /// <summary>A resource is not a JSON object (e.g. <c>null</c>, an array or a string).</summary>
    public const string ResourceNotObject = "FHIR-JSON-006";

    /// <summary>The <c>resourceType</c> member is not a non-empty string.</summary>
    public const string InvalidResourceType = "FHIR-JSON-007";
}

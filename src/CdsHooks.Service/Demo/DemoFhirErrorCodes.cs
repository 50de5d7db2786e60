namespace CdsHooks.Service.Demo;

/// <summary>Stable error codes of the demo FHIR endpoint; a code is never reused with another meaning.</summary>
internal static class DemoFhirErrorCodes
{
    /// <summary>The demo patient data could not be loaded at startup.</summary>
    public const string DataLoad = "DEMO-FHIR-001";

    /// <summary>The resource type is not served.</summary>
    public const string UnsupportedType = "DEMO-FHIR-002";

    /// <summary>A search parameter (or modifier) is not supported for the type.</summary>
    public const string UnsupportedParameter = "DEMO-FHIR-003";

    /// <summary>A parameter value is malformed (bad date, bad number, bad token).</summary>
    public const string InvalidValue = "DEMO-FHIR-004";

    /// <summary>No resource with that type and id.</summary>
    public const string NotFound = "DEMO-FHIR-005";

    /// <summary>The endpoint is read-only; the method or interaction is not supported.</summary>
    public const string MethodNotAllowed = "DEMO-FHIR-006";

    /// <summary>A <c>_search</c> body that is not form-encoded.</summary>
    public const string UnsupportedMediaType = "DEMO-FHIR-007";
}

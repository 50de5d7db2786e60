namespace CdsHooks.Clinical.Prefetch;

/// <summary>Where the data of one prefetch key came from.</summary>
public enum PrefetchSource
{
    /// <summary>The EHR sent it in <c>prefetch</c>.</summary>
    Prefetched,

    /// <summary>The EHR sent <c>null</c>: there is no such data, and it is not queried again.</summary>
    KnownEmpty,

    /// <summary>The service queried the EHR's FHIR server (the key was absent, or held an OperationOutcome).</summary>
    FhirServer,

    /// <summary>The data could not be had: see the data gap.</summary>
    Unavailable,

    /// <summary>The key was absent and there was no <c>fhirServer</c> to ask.</summary>
    Unobtainable,

    /// <summary>The FHIR server refused the service's query (401 or 403): the token gives no access to this data.</summary>
    AccessDenied,
}

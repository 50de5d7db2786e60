namespace CdsHooks.Clinical.Prefetch;

/// <summary>What the service does with a prefetch key it can obtain neither from the request nor from <c>fhirServer</c>.</summary>
public enum PrefetchFailureMode
{
    /// <summary>Answer 412 Precondition Failed with an OperationOutcome (CDS Hooks §Prefetch).</summary>
    Fail,

    /// <summary>Evaluate without the data: criteria fed by it become unknown, and cards list it as missing.</summary>
    Omit,
}

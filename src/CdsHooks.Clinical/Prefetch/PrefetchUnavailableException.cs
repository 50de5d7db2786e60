namespace CdsHooks.Clinical.Prefetch;

/// <summary>
/// Data the service needs could be had neither from the request's prefetch nor from a FHIR server, so the service
/// answers 412 Precondition Failed (CDS Hooks §Prefetch). The message names the keys, never patient data.
/// </summary>
public sealed class PrefetchUnavailableException : Exception
{
    /// <summary>Creates the exception for the keys that could not be had.</summary>
    /// <param name="keys">The prefetch keys, with why each could not be had.</param>
    public PrefetchUnavailableException(IReadOnlyList<PrefetchKeyOutcome> keys)
        : base(Describe(keys))
    {
        Keys = keys;
    }

    /// <summary>The keys that could not be had.</summary>
    public IReadOnlyList<PrefetchKeyOutcome> Keys { get; }

    private static string Describe(IReadOnlyList<PrefetchKeyOutcome> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return "Required data could be had neither from prefetch nor from a FHIR server: "
            + string.Join("; ", keys.Select(k => $"prefetch key '{k.Key.Key}' ({k.Key.Template}): {k.Gap?.Reason}"))
            + ". Send these keys in 'prefetch', or send 'fhirServer' (and 'fhirAuthorization') so the service can query them.";
    }
}

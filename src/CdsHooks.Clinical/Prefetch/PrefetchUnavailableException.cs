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

    /// <summary>What is wrong with one key and what the client can do, for one OperationOutcome issue.</summary>
    /// <param name="key">A key that could not be had.</param>
    /// <returns>The diagnostics text; it names the template, never a resolved query.</returns>
    public static string Describe(PrefetchKeyOutcome key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"Prefetch key '{key.Key.Key}' ({key.Key.Template}) could not be had: {key.Gap?.Reason}. "
            + "Send it in 'prefetch', or send 'fhirServer' (and 'fhirAuthorization') so the service can query it.";
    }

    private static string Describe(IReadOnlyList<PrefetchKeyOutcome> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return "Required data could be had neither from prefetch nor from a FHIR server. " + string.Join(" ", keys.Select(Describe));
    }
}

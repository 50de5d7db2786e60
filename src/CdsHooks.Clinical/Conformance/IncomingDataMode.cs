namespace CdsHooks.Clinical.Conformance;

/// <summary>What the service does with prefetched and fetched resources that fail the conformance package's profiles.</summary>
public enum IncomingDataMode
{
    /// <summary>No validation: every readable resource is used.</summary>
    Off,

    /// <summary>Validate and log counts (no patient data), but use every readable resource.</summary>
    Report,

    /// <summary>
    /// Validate; a resource with an error is set aside: it is not used, the criteria it would feed become unknown
    /// (unless met by other data), and the cards of those criteria list it under missing data.
    /// </summary>
    SetAside,
}

using CdsHooks.Clinical.Conformance;
using CdsHooks.Clinical.Invocation;

namespace CdsHooks.Clinical.Prefetch;

/// <summary>The patient's data for one hook call, with where each key came from and what is missing.</summary>
/// <param name="Data">The Patient and the other resources, de-duplicated.</param>
/// <param name="Keys">One outcome per prefetch key, in discovery order.</param>
public sealed record ResolvedPrefetch(ClinicalData Data, IReadOnlyList<PrefetchKeyOutcome> Keys)
{
    /// <summary>The data gaps, one per incomplete key.</summary>
    public IReadOnlyList<DataGap> Gaps => Keys.Where(k => k.Gap is not null).Select(k => k.Gap!).ToList();

    /// <summary>Resources that failed their profile and are not in <see cref="Data"/> (Conformance:IncomingData SetAside).</summary>
    public IReadOnlyList<SetAsideResource> SetAside { get; init; } = [];
}

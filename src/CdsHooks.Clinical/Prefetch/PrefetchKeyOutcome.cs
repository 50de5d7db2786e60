using System.Text.Json;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Services;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Prefetch;

/// <summary>How one prefetch key was resolved: where its data came from, the resources, and what is missing.</summary>
/// <param name="Key">The key.</param>
/// <param name="Source">Where the data came from.</param>
/// <param name="Resources">The resources read for the key.</param>
/// <param name="Gap">What could not be had, or <c>null</c> when the key is complete.</param>
public sealed record PrefetchKeyOutcome(PrefetchKey Key, PrefetchSource Source, IReadOnlyList<Resource> Resources, DataGap? Gap)
{
    /// <summary>
    /// The prefetch JSON the first <c>Sources.Count</c> of <see cref="Resources"/> were read from, in order (the rest were
    /// fetched): checked against the profiles as received. Valid only while the request's document is.
    /// </summary>
    public IReadOnlyList<JsonElement> Sources { get; init; } = [];
}

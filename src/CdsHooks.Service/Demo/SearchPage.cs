using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>One page of search results.</summary>
/// <param name="Total">How many resources match in all.</param>
/// <param name="Entries">The matches on this page.</param>
internal sealed record SearchPage(int Total, IReadOnlyList<Resource> Entries);

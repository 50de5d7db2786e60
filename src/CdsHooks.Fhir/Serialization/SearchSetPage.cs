using CdsHooks.Fhir.Model;

namespace CdsHooks.Fhir.Serialization;

/// <summary>One page of a FHIR search result (<c>Bundle</c> of type <c>searchset</c>), read tolerantly by <see cref="SearchSetReader"/>.</summary>
/// <param name="Resources">The entry resources that could be read, in bundle order; entries with <c>search.mode</c> <c>outcome</c> are not among them.</param>
/// <param name="Errors">One error per entry that could not be read, with a path such as <c>$.entry[3].resource.onsetDateTime</c>.</param>
/// <param name="NextLink">The URL of the <c>next</c> link exactly as written (it may be relative), or null on the last page.</param>
/// <param name="Total">The bundle's <c>total</c> (all matches, not this page's count), when given.</param>
/// <param name="Outcomes">OperationOutcome entries with <c>search.mode</c> <c>outcome</c>: the server's warnings about the search.</param>
/// <param name="Skipped">Entries the caller's filter left unread (see <see cref="SearchSetReader.Read(System.Text.Json.JsonElement, Func{System.Text.Json.JsonElement, bool})"/>).</param>
public sealed record SearchSetPage(
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<FhirJsonError> Errors,
    string? NextLink,
    int? Total,
    IReadOnlyList<OperationOutcome> Outcomes,
    int Skipped = 0)
{
    /// <summary>
    /// The JSON each of <see cref="Resources"/> was read from, in the same order, when the reader was asked to keep it
    /// (else empty): a view into the Bundle's document, valid only while that document is.
    /// </summary>
    public IReadOnlyList<System.Text.Json.JsonElement> Sources { get; init; } = [];
}

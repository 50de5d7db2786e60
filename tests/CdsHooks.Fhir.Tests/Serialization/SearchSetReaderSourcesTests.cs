using System.Text.Json;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Fhir.Tests.Serialization;

/// <summary>On request, the reader keeps the JSON each resource was read from, in step with the resources.</summary>
public sealed class SearchSetReaderSourcesTests
{
    private const string Bundle = """
        { "resourceType": "Bundle", "type": "searchset", "entry": [
          { "resource": { "resourceType": "Condition", "id": "c0" } },
          { "resource": { "resourceType": "Condition", "id": "c1", "onsetDateTime": "last spring" } },
          { "resource": { "resourceType": "OperationOutcome", "issue": [] }, "search": { "mode": "outcome" } },
          { "resource": { "resourceType": "Condition", "id": "skipped" } },
          { "resource": { "resourceType": "Condition", "id": "c3", "note": [] } } ] }
        """;

    [Fact]
    public void Read_KeepSources_HoldsTheJsonOfEachResourceRead()
    {
        using var document = JsonDocument.Parse(Bundle);

        var page = SearchSetReader.Read(document.RootElement, r => r.GetProperty("id").GetString() != "skipped", keepSources: true);

        Assert.Equal(["c0", "c3"], page.Resources.Select(r => r.Id));
        Assert.Equal(["c0", "c3"], page.Sources.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Array, page.Sources[1].GetProperty("note").ValueKind);
    }

    [Fact]
    public void Read_WithoutKeepSources_KeepsNone()
    {
        using var document = JsonDocument.Parse(Bundle);

        var page = SearchSetReader.Read(document.RootElement, null);

        Assert.Equal(3, page.Resources.Count);
        Assert.Empty(page.Sources);
    }
}

using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Fhir.Tests.Fixtures;

namespace CdsHooks.Fhir.Tests.Serialization;

public sealed class SearchSetReaderTests
{
    [Fact]
    public void Read_FixtureBundle_KeepsMatchesAndIncludesAndSeparatesOutcomes()
    {
        using var document = JsonDocument.Parse(FhirFixtures.Load("Bundle"));

        var page = SearchSetReader.Read(document.RootElement);

        Assert.Collection(
            page.Resources,
            r => Assert.Equal(("Observation", "egfr-1"), (r.ResourceType, r.Id)),
            r => Assert.Equal("Flag", Assert.IsType<OtherResource>(r).ResourceType));
        var outcome = Assert.Single(page.Outcomes);
        Assert.Equal("incomplete", Assert.Single(outcome.Issue!).Code);
        Assert.Empty(page.Errors);
        Assert.Equal(3, page.Total);
        Assert.Null(page.NextLink);
    }

    [Fact]
    public void Read_MalformedEntry_KeepsOthersAndReportsPathFromBundleRoot()
    {
        var page = Read("""
            { "resourceType": "Bundle", "type": "searchset", "entry": [
              { "resource": { "resourceType": "Condition", "id": "c0" } },
              { "resource": { "resourceType": "Condition", "id": "c1" } },
              { "resource": { "resourceType": "Condition", "id": "c2" } },
              { "resource": { "resourceType": "Condition", "id": "c3", "onsetDateTime": "last spring" } },
              { "resource": { "resourceType": "Condition", "id": "c4" } } ] }
            """);

        Assert.Equal(["c0", "c1", "c2", "c4"], page.Resources.Select(r => r.Id));
        var error = Assert.Single(page.Errors);
        Assert.Equal(FhirJsonErrorCodes.InvalidDateTime, error.Code);
        Assert.Equal("$.entry[3].resource.onsetDateTime", error.Path);
        Assert.EndsWith("(at '$.entry[3].resource.onsetDateTime')", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("last spring", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EntriesThatAreNotResources_ReportEachAndSkipEntriesWithoutResource()
    {
        var page = Read("""
            { "resourceType": "Bundle", "entry": [
              "not an entry",
              { "fullUrl": "urn:uuid:1" },
              { "resource": null },
              { "resource": { "id": "no-type" } },
              { "resource": { "resourceType": "Patient", "id": "p1" } } ] }
            """);

        Assert.Equal("p1", Assert.Single(page.Resources).Id);
        Assert.Equal(
            [
                (FhirJsonErrorCodes.InvalidElementType, "$.entry[0]"),
                (FhirJsonErrorCodes.ResourceNotObject, "$.entry[2].resource"),
                (FhirJsonErrorCodes.MissingResourceType, "$.entry[3].resource"),
            ],
            page.Errors.Select(e => (e.Code, e.Path)));
    }

    [Fact]
    public void Read_OutcomeModeEntries_AreExcludedFromResources()
    {
        var page = Read("""
            { "resourceType": "Bundle", "entry": [
              { "resource": { "resourceType": "OperationOutcome", "issue": [ { "severity": "warning", "code": "too-costly" } ] }, "search": { "mode": "outcome" } },
              { "resource": { "resourceType": "Condition", "id": "c1" }, "search": { "mode": "match" } },
              { "resource": { "resourceType": "Condition", "id": "odd" }, "search": { "mode": "outcome" } },
              { "resource": { "resourceType": "OperationOutcome", "id": "no-mode" } } ] }
            """);

        Assert.Equal(["c1", "no-mode"], page.Resources.Select(r => r.Id));
        Assert.Equal("too-costly", Assert.Single(Assert.Single(page.Outcomes).Issue!).Code);
    }

    [Theory]
    [InlineData("https://fhir.example.org/r4/Condition?page=2")]
    [InlineData("Condition?page=2")]
    public void Read_NextLink_IsReturnedAsWritten(string next)
    {
        var page = Read($$"""
            { "resourceType": "Bundle", "total": 41, "link": [
              { "relation": "self", "url": "https://fhir.example.org/r4/Condition?page=1" },
              { "relation": "next", "url": "{{next}}" } ] }
            """);

        Assert.Equal(next, page.NextLink);
        Assert.Equal(41, page.Total);
        Assert.Empty(page.Resources);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public void Read_MalformedTotalAndLinks_ReportErrorsAndKeepEntries()
    {
        var page = Read("""
            { "resourceType": "Bundle", "total": "many", "link": { "relation": "next" },
              "entry": [ { "resource": { "resourceType": "Patient", "id": "p1" } } ] }
            """);

        Assert.Null(page.Total);
        Assert.Null(page.NextLink);
        Assert.Equal("p1", Assert.Single(page.Resources).Id);
        Assert.Equal(["$.link", "$.total"], page.Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("""{ "resourceType": "Patient", "id": "p1" }""", FhirJsonErrorCodes.UnexpectedResourceType)]
    [InlineData("""[ { "resourceType": "Bundle" } ]""", FhirJsonErrorCodes.ResourceNotObject)]
    [InlineData("null", FhirJsonErrorCodes.ResourceNotObject)]
    [InlineData("""{ "type": "searchset" }""", FhirJsonErrorCodes.MissingResourceType)]
    [InlineData("""{ "resourceType": 7 }""", FhirJsonErrorCodes.InvalidResourceType)]
    public void Read_NotABundle_ThrowsWithCode(string json, string code)
    {
        var exception = Assert.Throws<FhirJsonException>(() => Read(json));

        Assert.Equal(code, exception.Code);
    }

    private static SearchSetPage Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SearchSetReader.Read(document.RootElement);
    }
}

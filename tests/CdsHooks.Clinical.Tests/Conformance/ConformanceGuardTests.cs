using System.Text.Json;
using CdsHooks.Clinical.Cards;
using CdsHooks.Clinical.Conformance;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Fhir.Model;
using CdsHooks.Protocol.Cards;
using CdsHooks.Testing.Seeds;
using CdsHooks.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CdsHooks.Clinical.Tests.Conformance;

/// <summary>
/// A resource that fails its profile is set aside: evaluation does not fail, the criterion it would feed becomes
/// unknown (unless other data meets it), and the card lists it under missing data with why.
/// </summary>
public sealed class ConformanceGuardTests
{
    private const string StatusRule = "crohns.refractory-status";
    private static readonly SeedPatient Seed = SeedPatients.Get("crohns-v1");

    [Fact]
    public async Task Evaluate_ConformingData_IsRefractory()
    {
        var record = await StatusRecordAsync(Seed.Resources, IncomingDataMode.SetAside);

        Assert.Equal("refractory", record.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Evaluate_FailedTherapyThatFailsItsProfile_MakesTheStatusUnknownAndNamesIt()
    {
        // Ustekinumab (primary non-response) recorded with a date instead of a period: the profile wants the course.
        var resources = Replace("crohns-v1-ms-ust", r => ConformanceFixture.Changed(r, "\"effectivePeriod\":{\"start\":\"2022-08-01\",\"end\":\"2023-01-10\"}", "\"effectiveDateTime\":\"2022-08-01\""));

        var record = await StatusRecordAsync(resources, IncomingDataMode.SetAside);

        Assert.Equal("insufficient-data", record.GetProperty("status").GetString());
        string missing = Assert.Single(record.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!), m => m.StartsWith("MedicationStatement/crohns-v1-ms-ust", StringComparison.Ordinal));
        Assert.Equal(
            "MedicationStatement/crohns-v1-ms-ust (ustekinumab) was set aside: it does not conform to refractory-medication-statement "
            + "(MedicationStatement.effectiveDateTime: effective[x] is a dateTime here, but only Period are allowed by refractory-medication-statement.)",
            missing);
    }

    [Fact]
    public async Task Evaluate_SameDataWithCheckingOff_UsesTheResource()
    {
        var resources = Replace("crohns-v1-ms-ust", r => ConformanceFixture.Changed(r, "\"effectivePeriod\":{\"start\":\"2022-08-01\",\"end\":\"2023-01-10\"}", "\"effectiveDateTime\":\"2022-08-01\""));

        var record = await StatusRecordAsync(resources, IncomingDataMode.Off);

        Assert.Equal("refractory", record.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Evaluate_SetAsideResourceNoCriterionReads_ChangesNoCard()
    {
        var baseline = await CardsAsync(Seed.Resources, IncomingDataMode.SetAside);
        var unrelated = ClinicalFixture.Parse<Observation>("""
            {"resourceType":"Observation","id":"crohns-v1-obs-weight","status":"final",
             "code":{"coding":[{"system":"http://loinc.org","code":"29463-7","display":"Body weight"}]},
             "subject":{"reference":"Patient/crohns-v1"},"effectiveDateTime":"2023-02-01",
             "valueQuantity":{"value":70,"unit":"kg","system":"http://example.org/units","code":"kg"}}
            """);

        var cards = await CardsAsync([.. Seed.Resources, unrelated], IncomingDataMode.SetAside);

        Assert.False(ConformanceFixture.Validate(unrelated).IsValid);
        Assert.Equal(baseline.Select(Summary), cards.Select(Summary));
    }

    [Fact]
    public void Apply_InvalidResource_IsSetAsideWithItsReport()
    {
        var resources = Replace("crohns-v1-ms-ust", r => ConformanceFixture.Changed(r, "\"status\":\"stopped\"", "\"status\":\"halted\""));

        var (used, setAside) = ConformanceFixture.Check().Apply(resources);

        var item = Assert.Single(setAside);
        Assert.Equal("MedicationStatement/crohns-v1-ms-ust", item.Report.Reference);
        Assert.Equal(resources.Count - 1, used.Count);
        Assert.Equal("it does not conform to refractory-medication-statement (MedicationStatement.status: halted is not in http://hl7.org/fhir/ValueSet/medication-statement-status (required binding).)", item.Reason);
    }

    [Fact]
    public void Apply_ReportMode_KeepsInvalidResources()
    {
        var resources = Replace("crohns-v1-ms-ust", r => ConformanceFixture.Changed(r, "\"status\":\"stopped\"", "\"status\":\"halted\""));

        var (used, setAside) = ConformanceFixture.Check(IncomingDataMode.Report).Apply(resources);

        Assert.Empty(setAside);
        Assert.Equal(resources.Count, used.Count);
    }

    private static List<Resource> Replace(string id, Func<MedicationStatement, MedicationStatement> change) =>
        Seed.Resources.Select(r => r is MedicationStatement m && m.Id == id ? change(m) : r).ToList();

    private static async Task<IReadOnlyList<Card>> CardsAsync(IReadOnlyList<Resource> resources, IncomingDataMode mode)
    {
        var (used, setAside) = ConformanceFixture.Check(mode).Apply(resources);
        var engine = new RefractoryEngine(ClinicalFixture.Knowledge, new FixedTimeProvider(Seed.EvaluationTime), MsOptions.Create(ClinicalFixture.Options()), NullLogger<RefractoryEngine>.Instance);
        var invocation = ClinicalFixture.Call(used, Seed.Patient) with { SetAside = setAside };
        return await engine.EvaluateAsync(invocation, CancellationToken.None);
    }

    private static async Task<JsonElement> StatusRecordAsync(IReadOnlyList<Resource> resources, IncomingDataMode mode) =>
        (await CardsAsync(resources, mode)).Select(c => c.Extension![AssessmentRecord.ExtensionKey]).Single(r => r.GetProperty("rule").GetString() == StatusRule);

    private static string Summary(Card card) => card.Summary;
}

using System.Text.Json;
using CdsHooks.Clinical.Cards;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Protocol.Cards;
using CdsHooks.Testing.Seeds;
using CdsHooks.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using static CdsHooks.Clinical.Tests.ClinicalFixture;

namespace CdsHooks.Clinical.Tests.Knowledge;

/// <summary>
/// The edges of the SLE pack's trial definition (issue 6): SLEDAI-2K 7 and 8, a biologic started under 6 months
/// before the evaluation, serology not met, missing activity data, titres in every form, and the assumptions.
/// Each test changes one fact of a demo patient and runs the real engine and knowledge base.
/// </summary>
public class SleBoundaryTests
{
    private const string Findings = "http://refractorycds.org/fhir/CodeSystem/clinical-findings";
    private const string Status = "sle.refractory-status";

    private static async Task<IReadOnlyList<Card>> RunAsync(
        SeedPatient seed, IEnumerable<Resource> resources, KnowledgeBase? knowledge = null, string hook = "patient-view", IReadOnlyList<Resource>? drafts = null, Patient? patient = null)
    {
        var engine = new RefractoryEngine(knowledge ?? ClinicalFixture.Knowledge, new FixedTimeProvider(seed.EvaluationTime),
            Microsoft.Extensions.Options.Options.Create(new ClinicalOptions { ShowNotRefractoryCards = true }), NullLogger<RefractoryEngine>.Instance);
        return await engine.EvaluateAsync(Call(resources, patient ?? seed.Patient, hook, drafts), CancellationToken.None);
    }

    private static IEnumerable<Resource> Replace(SeedPatient seed, params Resource[] replacements) =>
        seed.Resources.Where(r => replacements.All(x => x.Id != r.Id)).Concat(replacements);

    private static IEnumerable<Resource> Without(SeedPatient seed, params string[] ids) => seed.Resources.Where(r => !ids.Contains(r.Id));

    private static JsonElement Record(IEnumerable<Card> cards, string rule) =>
        cards.Select(c => c.Extension![AssessmentRecord.ExtensionKey]).Single(r => r.GetProperty("rule").GetString() == rule);

    private static string StatusOf(IEnumerable<Card> cards) => Record(cards, Status).GetProperty("status").GetString()!;

    private static List<string> Rules(IEnumerable<Card> cards) =>
        cards.Select(c => c.Extension![AssessmentRecord.ExtensionKey].GetProperty("rule").GetString()!).ToList();

    private static List<string> Missing(IEnumerable<Card> cards) =>
        Record(cards, Status).TryGetProperty("missing", out var m) ? m.EnumerateArray().Select(x => x.GetString()!).ToList() : [];

    private static Observation Sledai(string id, decimal value, string when) => Quantity(id, "sledai-2k", value, "{score}", when, Findings);

    // ---------------------------------------------------------------- criterion 1: SLEDAI-2K 7 and 8
    [Theory]
    [InlineData(7, "not-refractory")]
    [InlineData(8, "refractory")]
    public async Task SledaiBoundary_SevenIsNotRefractory_EightIs(int score, string expected)
    {
        var seed = SeedPatients.Get("sle-v4");
        var cards = await RunAsync(seed, Replace(seed, Sledai("sle-v4-obs-sledai-2", score, "2024-09-20")));
        Assert.Equal(expected, StatusOf(cards));
        Assert.Equal(score >= 8, Rules(cards).Contains("sle.investigational.car-nk-trial-biologic-naive"));
    }

    [Fact]
    public async Task Sledai_OlderThanTheActivityWindow_IsInsufficientData_NotNotRefractory()
    {
        var seed = SeedPatients.Get("sle-v4");
        var cards = await RunAsync(seed, Without(seed, "sle-v4-obs-sledai-2")); // only the March score is left, outside 3 months
        Assert.Equal("insufficient-data", StatusOf(cards));
        Assert.Contains(Missing(cards), m => m.Contains("SLEDAI-2K", StringComparison.Ordinal));
        Assert.DoesNotContain(Rules(cards), r => r.StartsWith("sle.investigational.", StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- criterion 2: a biologic started under 6 months ago
    private static MedicationStatement Belimumab(string start) => Parse<MedicationStatement>($$$"""
        {"resourceType":"MedicationStatement","id":"sle-v6-ms-bel","status":"active",
         "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1092437"}]},
         "subject":{"reference":"Patient/sle-v6"},"effectivePeriod":{"start":"{{{start}}}"}}
        """);

    [Theory]
    [InlineData("2024-07-15", "not-refractory")] // the vignette: 2.5 months
    [InlineData("2024-04-02", "not-refractory")] // one day short of 6 months
    [InlineData("2024-04-01", "refractory")]     // exactly 6 months before 2024-10-01
    public async Task BiologicStartedUnderSixMonthsBefore_IsNotYetRefractory(string start, string expected)
    {
        var seed = SeedPatients.Get("sle-v6");
        var cards = await RunAsync(seed, Replace(seed, Belimumab(start)));
        Assert.Equal(expected, StatusOf(cards));
        Assert.Equal(expected == "not-refractory", Rules(cards).Contains("sle.trial.exposure-not-yet-reached"));
    }

    // ---------------------------------------------------------------- criterion 4: serology
    private static Observation DsDna(string id, decimal value, string when) => Parse<Observation>($$$"""
        {"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"33799-8"}]},"effectiveDateTime":"{{{when}}}",
         "valueQuantity":{"value":{{{value}}},"unit":"[IU]/mL","system":"http://unitsofmeasure.org","code":"[IU]/mL"},
         "referenceRange":[{"high":{"value":30,"unit":"[IU]/mL","system":"http://unitsofmeasure.org","code":"[IU]/mL"}}]}
        """);

    private static Resource[] V5Serology(Observation ana, Observation? dsDna = null, Observation? antiSm = null) =>
    [
        ana,
        dsDna ?? DsDna("sle-v5-obs-dsdna", 12, "2024-09-25"),
        antiSm ?? Coded("sle-v5-obs-anti-sm", Findings, "anti-sm", "negative", "2024-09-25"),
    ];

    [Fact]
    public async Task SerologyNotMet_IsNotRefractory_AndTheReferralIsBlocked()
    {
        var seed = SeedPatients.Get("sle-v5");
        var cards = await RunAsync(seed, Replace(seed, V5Serology(Quantity("sle-v5-obs-ana", "ana-ifa-titer", 40, "{titer}", "2024-09-25", Findings))));
        Assert.Equal("not-refractory", StatusOf(cards));
        Assert.Contains("sle.trial.criteria-not-met", Rules(cards));
        Assert.DoesNotContain(Rules(cards), r => r.StartsWith("sle.investigational.", StringComparison.Ordinal) || r.StartsWith("sle.safety.car", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"valueQuantity\":{\"value\":80,\"code\":\"{titer}\"}}", "refractory")]
    [InlineData("{\"valueRatio\":{\"numerator\":{\"value\":1},\"denominator\":{\"value\":80}}}", "refractory")]
    [InlineData("{\"valueString\":\"1∶80\"}", "refractory")]
    [InlineData("{\"valueCodeableConcept\":{\"text\":\"1:160\"}}", "refractory")]
    [InlineData("{\"valueString\":\"1:40\"}", "not-refractory")]
    [InlineData("{\"valueString\":\"<1:80\"}", "not-refractory")]
    [InlineData("{\"valueString\":\"positive\"}", "insufficient-data")]           // a titre is needed, not a guess
    [InlineData("{\"valueString\":\"<1:160\"}", "insufficient-data")]            // the bound does not decide
    [InlineData("{\"valueQuantity\":{\"value\":35,\"code\":\"U/mL\"}}", "insufficient-data")] // an immunoassay level
    public async Task AnaTitre_InEveryForm_WithOtherSerologyNegative(string value, string expected)
    {
        var seed = SeedPatients.Get("sle-v5");
        string body = value[1..^1];
        var ana = Parse<Observation>($$$"""
            {"resourceType":"Observation","id":"sle-v5-obs-ana","status":"final","code":{"coding":[{"system":"{{{Findings}}}","code":"ana-ifa-titer"}]},
             "effectiveDateTime":"2024-09-25",{{{body}}}}
            """);
        var cards = await RunAsync(seed, Replace(seed, V5Serology(ana)));
        Assert.Equal(expected, StatusOf(cards));
        if (expected == "insufficient-data")
        {
            Assert.Contains(Missing(cards), m => m.Contains("ANA", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AntiDsDnaWithoutReferenceRangeOrFlag_IsInsufficientData_WhenNothingElseDecides()
    {
        var seed = SeedPatients.Get("sle-v5");
        var bare = Quantity("sle-v5-obs-dsdna", "33799-8", 120, "[IU]/mL", "2024-09-25");
        var cards = await RunAsync(seed, Replace(seed, V5Serology(Quantity("sle-v5-obs-ana", "ana-ifa-titer", 40, "{titer}", "2024-09-25", Findings), bare)));
        Assert.Equal("insufficient-data", StatusOf(cards));
        Assert.Contains(Missing(cards), m => m.Contains("no reference range or interpretation flag", StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- criterion 3 and missing activity data
    [Fact]
    public async Task MissingBilag_IsInsufficientData_WithACardSayingWhatToRecord()
    {
        var seed = SeedPatients.Get("sle-v7");
        var cards = await RunAsync(seed, Without(seed, "sle-v7-obs-bilag"));
        var record = Record(cards, Status);
        Assert.Equal("not-refractory", record.GetProperty("status").GetString()); // serology is negative on record: still decided

        var v4 = SeedPatients.Get("sle-v4");
        cards = await RunAsync(v4, Without(v4, "sle-v4-obs-bilag"));
        Assert.Equal("insufficient-data", StatusOf(cards));
        Assert.Contains(Missing(cards), m => m.Contains("BILAG-2004", StringComparison.Ordinal));
        var card = cards.Single(c => c.Extension![AssessmentRecord.ExtensionKey].GetProperty("rule").GetString() == Status);
        Assert.Contains("record", card.Summary, StringComparison.Ordinal);
        Assert.Contains("BILAG-2004", card.Detail!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V7WithSerologyMissingInsteadOfNegative_IsInsufficientData_NotIneligible()
    {
        var seed = SeedPatients.Get("sle-v7");
        var cards = await RunAsync(seed, Without(seed, "sle-v7-obs-ana", "sle-v7-obs-dsdna", "sle-v7-obs-anti-sm", "sle-v7-obs-bilag"));
        Assert.Equal("insufficient-data", StatusOf(cards));
        var missing = Missing(cards);
        Assert.Contains(missing, m => m.Contains("BILAG-2004", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("ANA", StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- assumptions
    private static Resource[] TwoShortFailedCourses() =>
    [
        Condition("sle", "http://snomed.info/sct", "55464009"),
        Statement("gc", "8640", "2023-01-01", status: "active"),
        Statement("mmf", "68149", "2023-01-01", "2023-05-01", outcome: "primary-non-response"),
        Statement("aza", "1256", "2023-08-01", "2023-12-01", outcome: "secondary-loss-of-response"),
        Statement("hcq", "5521", "2022-06-01", status: "active"),
        Sledai("sledai", 12, "2024-09-01"),
        Quantity("ana", "ana-ifa-titer", 320, "{titer}", "2024-09-01", Findings),
        Parse<Observation>($$$"""
            {"resourceType":"Observation","id":"bilag","status":"final","code":{"coding":[{"system":"{{{Findings}}}","code":"bilag-2004"}]},"effectiveDateTime":"2024-09-01",
             "component":[{"code":{"coding":[{"system":"{{{Findings}}}","code":"bilag-2004-renal"}]},"valueCodeableConcept":{"coding":[{"system":"{{{Findings}}}","code":"bilag-grade-a"}]}}]}
            """),
    ];

    private static KnowledgeBase WithAssumptions(params (string Name, string Value)[] overrides)
    {
        var options = ClinicalFixture.Options();
        options.Packs["sle"] = new PackOptions { Assumptions = overrides.ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal) };
        return KnowledgeBase.Load(options);
    }

    [Fact]
    public async Task Continuity_IsLocalPolicy_TwoFourMonthCoursesCountOnlyWhenCumulative()
    {
        var seed = SeedPatients.Get("sle-v4"); // only its evaluation date is used
        var resources = TwoShortFailedCourses();
        Assert.Equal("not-refractory", StatusOf(await RunAsync(seed, resources)));

        var cards = await RunAsync(seed, resources, WithAssumptions(("exposure-continuous", "false")));
        Assert.Equal("refractory", StatusOf(cards));
        var assumption = Record(cards, Status).GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "exposure-continuous");
        Assert.False(assumption.GetProperty("value").GetBoolean());
        Assert.True(assumption.GetProperty("default").GetBoolean());
    }

    [Fact]
    public async Task Intolerance_CountsAsPoorEfficacyOnlyWhenTheSiteSaysSo()
    {
        var seed = SeedPatients.Get("sle-v4");
        Resource[] resources =
        [
            .. TwoShortFailedCourses().Where(r => r.Id is not ("mmf" or "aza")),
            Statement("aza", "1256", "2023-01-01", "2023-12-01", outcome: "intolerance"),
        ];
        Assert.Equal("not-refractory", StatusOf(await RunAsync(seed, resources)));
        Assert.Equal("refractory", StatusOf(await RunAsync(seed, resources, WithAssumptions(("intolerance-counts-as-poor-efficacy", "true")))));
    }

    // ---------------------------------------------------------------- order time
    private static Resource Draft(string rxnorm) => FhirJson.DeserializeResource(System.Text.Encoding.UTF8.GetBytes($$$"""
        {"resourceType":"MedicationRequest","id":"draft","status":"draft","intent":"order",
         "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"{{{rxnorm}}}"}]},"subject":{"reference":"Patient/p1"}}
        """));

    [Theory]
    [InlineData("female", "1990-05-03", true)]
    [InlineData("female", "1970-05-03", false)] // 54 at the evaluation date
    [InlineData("male", "1990-05-03", false)]
    public async Task CyclophosphamideOrder_WarnsForWomenOfReproductiveAge(string gender, string birthDate, bool warns)
    {
        var seed = SeedPatients.Get("sle-v2");
        var cards = await RunAsync(seed, seed.Resources, hook: "order-sign", drafts: [Draft("3002")], patient: Patient(gender, birthDate));
        Assert.Equal(warns, Rules(cards).Contains("sle.order.cyclophosphamide-fertility"));
    }

    [Fact]
    public async Task CyclophosphamideOrder_UnknownAge_StillWarns_AndSaysWhatIsMissing()
    {
        var seed = SeedPatients.Get("sle-v2");
        var patient = Parse<Patient>("""{"resourceType":"Patient","id":"p1","gender":"female"}""");
        var cards = await RunAsync(seed, seed.Resources, hook: "order-sign", drafts: [Draft("3002")], patient: patient);
        var record = Record(cards, "sle.order.cyclophosphamide-fertility");
        Assert.Contains(record.GetProperty("missing").EnumerateArray(), m => m.GetString() == "patient birth date");
    }

    [Fact]
    public async Task HydroxychloroquineOrder_WithAnEyeExamOnRecord_IsQuiet()
    {
        var seed = SeedPatients.Get("sle-v5");
        var cards = await RunAsync(seed, seed.Resources, hook: "order-select", drafts: [Draft("5521")]);
        Assert.DoesNotContain("sle.order.hydroxychloroquine-eye-exam", Rules(cards));
    }

    [Fact]
    public async Task TextOnlyTelitacicept_IsSeenOnlyWithTextMatching()
    {
        var seed = SeedPatients.Get("sle-v5");
        var plain = await RunAsync(seed, seed.Resources);
        Assert.DoesNotContain("sle.safety.long-term-immunosuppression", Rules(plain)); // telitacicept is the only current biologic

        var options = ClinicalFixture.Options();
        options.TextMatching = true;
        var matched = await RunAsync(seed, seed.Resources, KnowledgeBase.Load(options));
        Assert.Contains("sle.safety.long-term-immunosuppression", Rules(matched));
    }
}

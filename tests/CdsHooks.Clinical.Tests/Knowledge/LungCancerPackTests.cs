using System.Text.Json.Nodes;
using CdsHooks.Clinical.Cards;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Protocol.Cards;
using CdsHooks.Testing;
using CdsHooks.Testing.Seeds;
using CdsHooks.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Clinical.Tests.Knowledge;

/// <summary>
/// Boundary tests of the lung-cancer pack on edited copies of the demo patients: the strict 90-day SCLC edge,
/// the first-line anchor policy, lines of therapy across maintenance, and missing data (issue 4).
/// </summary>
public class LungCancerPackTests
{
    private const string Sclc = "lung.sclc.refractory-status";

    private static async Task<IReadOnlyList<Card>> EvaluateAsync(
        string patientId, Action<JsonArray>? edit = null, string hook = "patient-view", KnowledgeBase? knowledge = null,
        IReadOnlyList<DataGap>? gaps = null)
    {
        var seed = SeedPatients.Get(patientId);
        var bundle = JsonNode.Parse(seed.BundleJson)!;
        var entries = bundle["entry"]!.AsArray();
        edit?.Invoke(entries);
        var resources = entries.Select(e => FhirJson.DeserializeResource(System.Text.Encoding.UTF8.GetBytes(e!["resource"]!.ToJsonString()))).ToList();
        var drafts = hook == "patient-view" ? null : seed.DraftOrders.Select(d => FhirJson.DeserializeResource(d)).ToList();
        var invocation = ClinicalFixture.Call(resources.Where(r => r is not Patient), resources.OfType<Patient>().Single(), hook, drafts, gaps);
        var engine = new RefractoryEngine(knowledge ?? ClinicalFixture.Knowledge, new FixedTimeProvider(seed.EvaluationTime),
            Options.Create(ClinicalFixture.Options()), NullLogger<RefractoryEngine>.Instance);
        return await engine.EvaluateAsync(invocation, CancellationToken.None);
    }

    private static JsonObject Resource(JsonArray entries, string id) =>
        entries.Select(e => e!["resource"]!.AsObject()).Single(r => (string?)r["id"] == id);

    private static string? Status(IReadOnlyList<Card> cards, string rule) =>
        cards.Select(Record).FirstOrDefault(r => r?["rule"]?.GetValue<string>() == rule)?["status"]?.GetValue<string>();

    private static JsonNode? Record(Card card) => JsonNode.Parse(card.Extension![AssessmentRecord.ExtensionKey].GetRawText());

    private static List<string> Rules(IReadOnlyList<Card> cards) => cards.Select(c => Record(c)!["rule"]!.GetValue<string>()).ToList();

    // lung-v2b: last first-line dose (atezolizumab) 2024-01-02; the progression date is moved to give 89, 90 and 91 days.
    [Theory]
    [InlineData("2024-03-31", "refractory")] // 89 days
    [InlineData("2024-04-01", null)]         // exactly 90 days: not < 90
    [InlineData("2024-04-02", null)]         // 91 days
    public async Task Sclc_StrictNinetyDayEdge(string progression, string? expected)
    {
        var cards = await EvaluateAsync("lung-v2b", e =>
        {
            Resource(e, "lung-v2b-obs-prog")["effectiveDateTime"] = progression;
            Resource(e, "lung-v2b-obs-ecog")["effectiveDateTime"] = progression;
        });
        Assert.Equal(expected, Status(cards, Sclc));
        var rules = Rules(cards);
        Assert.Equal(expected is not null, rules.Contains("lung.r-3.1.1.topotecan"));
        Assert.Equal(expected is null, rules.Contains("lung.sclc.sensitive-relapse"));
        Assert.Equal(progression == "2024-04-01", rules.Contains("lung.sclc.at-threshold"));
    }

    [Fact]
    public async Task Sclc_ChemotherapyAnchorPolicy_ChangesTheStatusOfProgressionOnMaintenance()
    {
        var options = ClinicalFixture.Options();
        options.Packs["lung-cancer"] = new PackOptions { Assumptions = { ["sclc-anchor-includes-maintenance"] = "false" } };
        var chemotherapyAnchor = KnowledgeBase.Load(options);

        // lung-v2c: carboplatin/etoposide ended 2024-01-10, atezolizumab maintenance running, progression 2024-06-20.
        Assert.Equal("refractory", Status(await EvaluateAsync("lung-v2c"), Sclc));
        var cards = await EvaluateAsync("lung-v2c", knowledge: chemotherapyAnchor);
        Assert.Null(Status(cards, Sclc));
        Assert.Contains("lung.sclc.anchor-dependent", Rules(cards)); // the other anchor still disagrees: say so
        Assert.DoesNotContain("lung.r-3.1.1.topotecan", Rules(cards));

        // lung-v1: 28 days from the last durvalumab dose, 82 from the last chemotherapy: refractory either way.
        Assert.Equal("refractory", Status(await EvaluateAsync("lung-v1", knowledge: chemotherapyAnchor), Sclc));
    }

    [Fact]
    public async Task Sclc_MaintenanceRecordedSeparately_IsStillFirstLine_SoSecondLineOptionsShow()
    {
        // lung-v1 with durvalumab maintenance as its own statement (2024-04-08 to 2024-05-06) after the induction course.
        var cards = await EvaluateAsync("lung-v1", e =>
        {
            var induction = Resource(e, "lung-v1-ms-durva");
            induction["effectivePeriod"]!["end"] = "2024-03-13";
            induction["status"] = "completed";
            induction.Remove("statusReason");
            var maintenance = JsonNode.Parse(induction.ToJsonString())!.AsObject();
            maintenance["id"] = "lung-v1-ms-durva-maintenance";
            maintenance["effectivePeriod"] = new JsonObject { ["start"] = "2024-04-08", ["end"] = "2024-05-06" };
            maintenance["status"] = "stopped";
            maintenance["statusReason"] = JsonNode.Parse("""[{"coding":[{"system":"http://snomed.info/sct","code":"271299001"}]}]""");
            e.Add(new JsonObject { ["fullUrl"] = "urn:uuid:6f1c3f2e-3b1a-5d0e-9a43-2a6f1b7d9c01", ["resource"] = maintenance });
        });
        Assert.Equal("refractory", Status(cards, Sclc));
        var rules = Rules(cards);
        Assert.Contains("lung.r-3.1.1.topotecan", rules);
        Assert.DoesNotContain("lung.r-3.2.1.anlotinib", rules); // maintenance is not a second line
    }

    [Fact]
    public async Task Sclc_ProgressionUndated_IsInsufficientData()
    {
        var cards = await EvaluateAsync("lung-v1", e => Resource(e, "lung-v1-obs-prog").Remove("effectiveDateTime"));
        Assert.Equal("insufficient-data", Status(cards, Sclc));
        var missing = Record(cards[0])!["missing"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains(missing, m => m.Contains("Observation/lung-v1-obs-prog", StringComparison.Ordinal));
        Assert.DoesNotContain("lung.r-3.1.1.topotecan", Rules(cards));
    }

    [Fact]
    public async Task Sclc_FirstLineEndUndated_IsInsufficientData()
    {
        var cards = await EvaluateAsync("lung-v1", e => Resource(e, "lung-v1-ms-durva")["effectivePeriod"]!.AsObject().Remove("end"));
        // Durvalumab has no end, is stopped (not running): neither the interval nor "progression during first line" can decide.
        Assert.Equal("insufficient-data", Status(cards, Sclc));
    }

    [Fact]
    public async Task Observations_NotRetrieved_NeverGiveNotRefractory()
    {
        // The Observation query failed: no progression, no disease status on hand.
        var cards = await EvaluateAsync("lung-v2a",
            e => e.RemoveAll(x => (string?)x!["resource"]!["resourceType"] == "Observation"),
            gaps: [new DataGap("observations", "Observation", "timeout")]);
        Assert.DoesNotContain("lung.sclc.sensitive-relapse", Rules(cards));
        Assert.Equal("insufficient-data", Status(cards, Sclc));
    }

    [Fact]
    public async Task ThirdLine_DrugAlreadyGiven_IsNotSuggestedAgain()
    {
        // lung-v3 with anlotinib (coded in the project's local drug CodeSystem) instead of topotecan at second line.
        var cards = await EvaluateAsync("lung-v3", e => Resource(e, "lung-v3-ms-topo")["medicationCodeableConcept"] = JsonNode.Parse(
            """{"coding":[{"system":"http://refractorycds.org/fhir/CodeSystem/lung-local-drug","code":"anlotinib"}],"text":"anlotinib"}"""));
        var rules = Rules(cards);
        Assert.DoesNotContain("lung.r-3.2.1.anlotinib", rules);
        Assert.Contains("lung.r-3.2.1.apatinib", rules);
    }

    [Fact]
    public async Task DriverNegative_OligoThenExtensive_FollowsTheLatestExtent()
    {
        // lung-v12a with a later assessment re-grading the progression as extensive.
        var cards = await EvaluateAsync("lung-v12a", e =>
        {
            var later = JsonNode.Parse(Resource(e, "lung-v12a-obs-prog-extent").ToJsonString())!.AsObject();
            later["id"] = "lung-v12a-obs-prog-extent-2";
            later["effectiveDateTime"] = "2024-05-18";
            later["valueCodeableConcept"]!["coding"]![0]!["code"] = "extensive";
            e.Add(new JsonObject { ["fullUrl"] = "urn:uuid:0b5d6f3a-7c1e-5f2b-8d4a-1e9c3b7a5d02", ["resource"] = later });
        });
        Assert.Equal("refractory", Status(cards, "lung.driver-negative.refractory-status"));
        Assert.Contains("lung.r-5.1.1.docetaxel", Rules(cards));
        Assert.DoesNotContain("lung.nsclc.limited-progression-not-covered", Rules(cards));
    }

    [Fact]
    public async Task SquamousPatient_BevacizumabOrder_IsCritical_AndNonSquamousIsNot()
    {
        var squamous = await EvaluateAsync("lung-v11b", hook: "order-sign");
        Assert.Equal(CardIndicator.Critical, squamous.Single(c => Record(c)!["rule"]!.GetValue<string>() == "lung.gk.bevacizumab-squamous").Indicator);

        var adenocarcinoma = await EvaluateAsync("lung-v11b", e =>
        {
            var coding = Resource(e, "lung-v11b-cond-nsclc")["code"]!["coding"]![0]!;
            coding["code"] = "254626006";
            coding["display"] = "Adenocarcinoma of lung";
        }, hook: "order-sign");
        Assert.DoesNotContain("lung.gk.bevacizumab-squamous", Rules(adenocarcinoma));
        Assert.DoesNotContain("lung.gk.pemetrexed-squamous", Rules(adenocarcinoma));
        Assert.Contains("lung.r-4.2.2.antibody-drug-conjugate", Rules(adenocarcinoma));
    }

    [Fact]
    public void EveryRegimenCard_CitesRecommendationGradeLevelAndVote()
    {
        var pack = ClinicalFixture.Knowledge.Packs.Single(p => p.Pack.Id == "lung-cancer").Pack;
        foreach (var rule in pack.Rules.Where(r => r.Id.StartsWith("lung.r-", StringComparison.Ordinal)))
        {
            var paper = rule.Evidence.Where(e => e.Source == "paper").ToList();
            Assert.True(paper.Count > 0, rule.Id);
            Assert.All(paper, e => Assert.Matches(@"^R-\d", e.Section!));
            if (rule.Kind == CardKind.Regimen)
            {
                Assert.All(paper, e => Assert.Contains(e.Grade, new[] { "Strong", "Moderate", "Weak" }));
                Assert.All(paper, e => Assert.Matches(@"^(I|II|III|IV|V)$", e.Level!));
                Assert.All(paper, e => Assert.Matches(@"vote \d+%", e.Section!));
                Assert.Contains(paper[0].Grade!, rule.Card.Summary, StringComparison.Ordinal);
                Assert.Contains($"ESMO {paper[0].Level})", rule.Card.Summary, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void RegimenPriorities_FollowGradeThenLevel()
    {
        var pack = ClinicalFixture.Knowledge.Packs.Single(p => p.Pack.Id == "lung-cancer").Pack;
        string[] levels = ["I", "II", "III", "IV", "V"];
        foreach (var rule in pack.Rules.Where(r => r.Kind == CardKind.Regimen && r.Evidence.Any(e => e.Grade is not null) && r.Agents.Count > 0))
        {
            var evidence = rule.Evidence.First(e => e.Grade is not null);
            int grade = evidence.Grade switch { "Strong" => 1, "Moderate" => 2, _ => 3 };
            int expected = (10 * grade) + Array.IndexOf(levels, evidence.Level) + 1;
            Assert.True(rule.Priority == expected || rule.Priority == expected + 1, $"{rule.Id}: priority {rule.Priority}, expected {expected}");
        }
    }
}

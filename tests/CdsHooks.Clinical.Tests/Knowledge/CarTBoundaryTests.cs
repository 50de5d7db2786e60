using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Fhir.Model;
using CdsHooks.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Clinical.Tests.Knowledge;

/// <summary>
/// The eligibility edges of the car-t-b-cell pack (issue 7): the Kymriah B-ALL age limit, the 12-month early-relapse
/// window for second-line LBCL CAR-T, and the two-prior-lines threshold, on synthetic patients through the real pack.
/// </summary>
public class CarTBoundaryTests
{
    private const string Local = "http://refractorycds.org/fhir/CodeSystem/clinical-findings";
    private const string Sct = "http://snomed.info/sct";
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static async Task<IReadOnlyList<(string Rule, string Indicator, string Text)>> CardsAsync(
        Patient patient, IEnumerable<Resource> resources, string hook = "patient-view", IReadOnlyList<Resource>? drafts = null, ClinicalOptions? options = null)
    {
        var knowledge = options is null ? ClinicalFixture.Knowledge : KnowledgeBase.Load(options);
        var engine = new RefractoryEngine(knowledge, new FixedTimeProvider(Now), Options.Create(options ?? ClinicalFixture.Options()), NullLogger<RefractoryEngine>.Instance);
        var cards = await engine.EvaluateAsync(ClinicalFixture.Call(resources, patient, hook, drafts), CancellationToken.None);
        return cards.Select(c => (RuleCoverageTests.RuleOf(c), c.Indicator.ToString(), c.Summary + "\n" + c.Detail)).ToList();
    }

    private static Observation Response(string id, string value, string when) => ClinicalFixture.Coded(id, Local, "disease-response", value, when);

    private static MedicationRequest Draft(string id, string rxnorm) => ClinicalFixture.Parse<MedicationRequest>($$"""
        {"resourceType":"MedicationRequest","id":"{{id}}","status":"draft","intent":"order","subject":{"reference":"Patient/p1"},
         "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"{{rxnorm}}"}]} }
        """);

    // Refractory B-ALL after induction; the age decides Kymriah.
    private static List<Resource> RefractoryBAll() =>
    [
        ClinicalFixture.Condition("c1", Sct, "277571004", onset: "2023-09-01"),
        ClinicalFixture.Statement("vcr", "11202", "2023-09-10", "2023-10-20", outcome: "primary-non-response"),
        Response("r1", "no-response", "2024-05-20"),
    ];

    [Fact]
    public async Task BAll_Age24_TisagenlecleucelSuggested()
    {
        var cards = await CardsAsync(ClinicalFixture.Patient("male", "1999-06-02"), RefractoryBAll());
        Assert.Contains(cards, c => c.Rule == "cart.product.tisagenlecleucel.b-all");
        Assert.DoesNotContain(cards, c => c.Rule == "cart.ineligible.tisagenlecleucel-b-all-age");
        Assert.Contains(cards, c => c.Rule == "cart.product.brexucabtagene.b-all"); // adult from 18
    }

    [Fact]
    public async Task BAll_Age25_TisagenlecleucelNotSuggested_IneligibleCardAsksForHumanReview()
    {
        var cards = await CardsAsync(ClinicalFixture.Patient("male", "1999-06-01"), RefractoryBAll());
        Assert.DoesNotContain(cards, c => c.Rule == "cart.product.tisagenlecleucel.b-all");
        var ineligible = Assert.Single(cards, c => c.Rule == "cart.ineligible.tisagenlecleucel-b-all-age");
        Assert.Contains("25 岁以下", ineligible.Text, StringComparison.Ordinal);
        Assert.Contains("aged exactly 25", ineligible.Text, StringComparison.Ordinal);
        Assert.Contains("human review", ineligible.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1999-06-02", false)] // 24
    [InlineData("1999-06-01", true)]  // 25
    public async Task BAll_TisagenlecleucelOrder_IsCriticalFromAge25(string birthDate, bool critical)
    {
        var cards = await CardsAsync(ClinicalFixture.Patient("male", birthDate), RefractoryBAll(), "order-sign", [Draft("d1", "1986438")]);
        Assert.Equal(critical, cards.Any(c => c.Rule == "cart.order.tisagenlecleucel-b-all-age" && c.Indicator == "Critical"));
        Assert.DoesNotContain(cards, c => c.Rule == "cart.order.indication-not-met");
    }

    // DLBCL after R-CHOP ending 2023-05-15; relapse on the given date.
    private static List<Resource> LbclAfterOneLine(string relapse) =>
    [
        ClinicalFixture.Condition("c1", Sct, "109969005", onset: "2023-01-02"),
        ClinicalFixture.Statement("rtx", "121191", "2023-01-10", "2023-05-15", status: "completed"),
        ClinicalFixture.Statement("cyc", "3002", "2023-01-10", "2023-05-15", status: "completed"),
        ClinicalFixture.Statement("dox", "3639", "2023-01-10", "2023-05-15", status: "completed"),
        Response("cr", "complete-remission", "2023-06-20"),
        Response("rel", "relapse", relapse),
    ];

    [Theory]
    [InlineData("2024-04-15", true)]  // 11 months after the last dose
    [InlineData("2024-05-15", true)]  // exactly 12 months: "within 12 months"
    [InlineData("2024-05-16", false)] // 12 months and a day
    public async Task Lbcl_SecondLineAxicabtagene_OnlyWithinTwelveMonths(string relapse, bool eligible)
    {
        var cards = await CardsAsync(ClinicalFixture.Patient("male", "1965-01-01"), LbclAfterOneLine(relapse));
        Assert.Equal(eligible, cards.Any(c => c.Rule == "cart.product.axicabtagene.lbcl-second-line"));
        Assert.Equal(!eligible, cards.Any(c => c.Rule == "cart.ineligible.lbcl-late-relapse-one-line"));
        Assert.Equal(eligible, cards.Any(c => c.Rule == "cart.relapsed-refractory-status"));
        Assert.DoesNotContain(cards, c => c.Rule == "cart.product.tisagenlecleucel.lbcl"); // third line needs two prior lines
    }

    [Fact]
    public async Task Lbcl_RelapseAt13Months_AxicabtageneOrderIsCritical()
    {
        var cards = await CardsAsync(ClinicalFixture.Patient("male", "1965-01-01"), LbclAfterOneLine("2024-06-15"), "order-select", [Draft("d1", "1987398")]);
        var card = Assert.Single(cards, c => c.Rule == "cart.order.lbcl-line-not-met");
        Assert.Equal("Critical", card.Indicator);
        Assert.Contains("12 个月内复发 LBCL", card.Text, StringComparison.Ordinal);
    }

    // Follicular lymphoma progressing after bendamustine-rituximab, optionally after R-CHOP as a second line.
    private static List<Resource> FollicularLymphoma(bool secondLine)
    {
        var list = new List<Resource>
        {
            ClinicalFixture.Condition("c1", Sct, "308121000", clinical: "relapse", onset: "2019-04-01"),
            ClinicalFixture.Statement("benda", "134547", "2019-05-06", "2019-09-23", status: "completed", outcome: "response"),
            ClinicalFixture.Statement("rtx1", "121191", "2019-05-06", "2019-09-23", status: "completed"),
        };
        if (secondLine)
        {
            list.Add(ClinicalFixture.Statement("dox", "3639", "2021-04-12", "2021-07-26", status: "completed"));
            list.Add(ClinicalFixture.Statement("vcr", "11202", "2021-04-12", "2021-07-26", status: "completed"));
        }

        list.Add(Response("prog", "progression", "2024-05-10"));
        return list;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fl_OnePriorLineWhereTwoAreRequired_NoProductAndAnExplanation(bool twoLines)
    {
        var cards = await CardsAsync(ClinicalFixture.Patient("female", "1968-02-11"), FollicularLymphoma(twoLines));
        string[] products = ["cart.product.axicabtagene.fl", "cart.product.tisagenlecleucel.fl", "cart.product.lisocabtagene.fl", "cart.product.relmacabtagene.fl"];
        Assert.All(products, p => Assert.Equal(twoLines, cards.Any(c => c.Rule == p)));
        Assert.Equal(!twoLines, cards.Any(c => c.Rule == "cart.ineligible.fl-too-few-lines"));
        Assert.Contains(cards, c => c.Rule == "cart.relapsed-refractory-status"); // r/r FL either way
    }

    [Fact]
    public async Task Fl_SiteRequiresThreeLines_TwoLinesNoLongerEnough()
    {
        var options = ClinicalFixture.Options();
        options.Packs["car-t-b-cell"] = new PackOptions { Assumptions = { ["fl-min-prior-lines"] = "3" } };
        var cards = await CardsAsync(ClinicalFixture.Patient("female", "1968-02-11"), FollicularLymphoma(secondLine: true), options: options);
        Assert.DoesNotContain(cards, c => c.Rule == "cart.product.axicabtagene.fl");
        var ineligible = Assert.Single(cards, c => c.Rule == "cart.ineligible.fl-too-few-lines");
        Assert.Contains("fewer than 3 prior lines", ineligible.Text, StringComparison.Ordinal);
        Assert.Contains("fl-min-prior-lines = 3 (pack default 2)", ineligible.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BAll_NoResponseAssessment_StatusIsInsufficientDataNotNotRefractory()
    {
        var cards = await CardsAsync(ClinicalFixture.Patient("male", "1999-06-02"), RefractoryBAll().Where(r => r is not Observation));
        var status = Assert.Single(cards, c => c.Rule == "cart.relapsed-refractory-status");
        Assert.Contains("cannot be assessed", status.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(cards, c => c.Rule.StartsWith("cart.product.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PatientOutsideThePack_GetsNoCarTCards()
    {
        var cards = await CardsAsync(ClinicalFixture.Patient(), [ClinicalFixture.Condition("c1", Sct, "363346000"), Response("r", "relapse", "2024-05-01")]);
        Assert.DoesNotContain(cards, c => c.Rule.StartsWith("cart.", StringComparison.Ordinal));
    }
}

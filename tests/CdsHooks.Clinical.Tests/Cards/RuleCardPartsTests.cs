using CdsHooks.Clinical.Cards;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Loading;

namespace CdsHooks.Clinical.Tests.Cards;

/// <summary>The bold banners at the top of a card's detail, which say what kind of statement the card makes.</summary>
public class RuleCardPartsTests
{
    private static string Detail(string kind, string labels)
    {
        string text = $$"""
            id: t
            version: 1.0.0
            title: t
            sources: {s: {label: Source paper} }
            scope: {all: []}
            rules:
              - id: t.rule
                version: 1.0.0
                hooks: [patient-view]
                kind: {{kind}}
                labels: [{{labels}}]
                when: {all: []}
                card: {indicator: info, summary: s}
                evidence: [{source: s, section: "§1"}]
            """;
        var pack = new PackCompiler(ClinicalFixture.Knowledge.Terminology).Compile(PackReader.Read("t.yaml", text), new Dictionary<string, string>());
        var outcome = new RuleOutcome { Pack = pack, Rule = pack.Rules[0], Result = CriterionResult.True };
        var card = new CardComposer(ClinicalFixture.Knowledge.Terminology).Compose(outcome, "hook-1", "p1", showNotRefractory: false);
        return card!.Detail!;
    }

    [Fact]
    public void NotRecommended_WithoutLabel_SaysTheSourceAdvisesAgainst() =>
        Assert.StartsWith("**Not recommended by the source.**", Detail("not-recommended", ""), StringComparison.Ordinal);

    [Fact]
    public void NotRecommended_Ineligible_SaysOutsideTheIndicationInstead()
    {
        string detail = Detail("not-recommended", "ineligible");
        Assert.StartsWith("**Outside the approved indication: not suggested.**", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Not recommended by the source", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Investigational_SaysTrialReferralOnly() =>
        Assert.StartsWith("**Investigational: clinical-trial referral only, not standard care.**", Detail("regimen", "investigational"), StringComparison.Ordinal);
}

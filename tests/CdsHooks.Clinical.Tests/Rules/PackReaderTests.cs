using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Rules.Loading;

namespace CdsHooks.Clinical.Tests.Rules;

public class PackReaderTests
{
    private const string Header = """
        id: bad
        version: 1.0.0
        title: bad
        sources: {s: {label: S}}
        scope: {diagnosis: crohns-disease}
        assumptions:
          n: {type: number, default: "2", description: d}
        rules:
        """;

    private static string Rule(string when, string extra = "") => $$"""

          - id: bad.rule
            version: 1.0.0
            hooks: [patient-view]
            kind: safety
            when: {{when}}
            card: {indicator: info, summary: "ok"}
            evidence: [{source: s}]{{extra}}
        """;

    private static PackLoadException Fails(string text) =>
        Assert.Throws<PackLoadException>(() => new PackCompiler(ClinicalFixture.Knowledge.Terminology)
            .Compile(PackReader.Read("bad.yaml", text), new Dictionary<string, string>()));

    [Fact]
    public void Read_UnknownPredicate_NamesFileLineRuleAndChoices()
    {
        var ex = Fails(Header + Rule("{diagnosiss: crohns-disease}"));
        Assert.Equal("bad.yaml", ex.File);
        Assert.Equal("bad.rule", ex.RuleId);
        Assert.Equal(13, ex.Line);
        Assert.Contains("unknown predicate 'diagnosiss'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("failedMechanisms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_UnknownValueSet_SaysWhichAndWhere()
    {
        var ex = Fails(Header + Rule("{diagnosis: crohn}"));
        Assert.Contains("value set 'crohn' is not in the conformance directory", ex.Message, StringComparison.Ordinal);
        Assert.Equal("bad.rule", ex.RuleId);
    }

    [Fact]
    public void Compile_UnknownAssumption_Fails() =>
        Assert.Contains("'$m' names no assumption", Fails(Header + Rule("{failedMechanisms: {valueSet: anti-tnf, atLeast: $m}}")).Message, StringComparison.Ordinal);

    [Fact]
    public void Compile_AssumptionOfWrongType_Fails() =>
        Assert.Contains("is a number, but a duration is needed", Fails(Header + Rule("{therapy: {valueSet: anti-tnf, startedWithin: $n}}")).Message, StringComparison.Ordinal);

    [Fact]
    public void Read_RuleWithoutEvidence_Fails()
    {
        string text = Header + Rule("{diagnosis: crohns-disease}").Replace("evidence: [{source: s}]", "evidence: []", StringComparison.Ordinal);
        Assert.Contains("every rule needs evidence", Fails(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownKey_Fails() =>
        Assert.Contains("unknown key 'colour'", Fails(Header + Rule("{diagnosis: crohns-disease}", "\n    colour: red")).Message, StringComparison.Ordinal);

    [Fact]
    public void Compile_UnknownPlaceholder_Fails()
    {
        string text = Header + Rule("{diagnosis: crohns-disease}").Replace("summary: \"ok\"", "summary: \"{failed-mechanism}\"", StringComparison.Ordinal);
        Assert.Contains("unknown placeholder '{failed-mechanism}'", Fails(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_PlaceholderOfAssumptionTheRuleDoesNotUse_Fails()
    {
        string text = Header + Rule("{diagnosis: crohns-disease}").Replace("summary: \"ok\"", "summary: \"at least {param:n}\"", StringComparison.Ordinal);
        Assert.Contains("'{param:n}' names an assumption this rule's criterion does not use", Fails(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_PlaceholderOfAssumptionTheRuleUses_Compiles()
    {
        string text = Header + Rule("{failedMechanisms: {valueSet: anti-tnf, atLeast: $n}}").Replace("summary: \"ok\"", "summary: \"at least {param:n}\"", StringComparison.Ordinal);
        var pack = new PackCompiler(ClinicalFixture.Knowledge.Terminology).Compile(PackReader.Read("ok.yaml", text), new Dictionary<string, string>());
        Assert.Equal("n", Assert.Single(pack.Rules[0].Assumptions).Name);
    }

    [Fact]
    public void Compile_DefinitionCycle_Fails()
    {
        string text = Header.Replace("rules:", "definitions:\n  a: {ref: b}\n  b: {ref: a}\nrules:", StringComparison.Ordinal) + Rule("{ref: a}");
        Assert.Contains("cycle", Fails(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SiteOverrideOfUnknownAssumption_Fails()
    {
        var pack = PackReader.Read("bad.yaml", Header + Rule("{diagnosis: crohns-disease}"));
        var ex = Assert.Throws<PackLoadException>(() => new PackCompiler(ClinicalFixture.Knowledge.Terminology).Compile(pack, new Dictionary<string, string> { ["nn"] = "3" }));
        Assert.Contains("Clinical:Packs:bad:Assumptions:nn", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SiteOverrideWithInvalidValue_Fails()
    {
        var pack = PackReader.Read("bad.yaml", Header + Rule("{failedMechanisms: {valueSet: anti-tnf, atLeast: $n}}"));
        var ex = Assert.Throws<PackLoadException>(() => new PackCompiler(ClinicalFixture.Knowledge.Terminology).Compile(pack, new Dictionary<string, string> { ["n"] = "two" }));
        Assert.Contains("'two' is not a valid number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SiteOverride_ChangesTheValueTheRuleUses()
    {
        var pack = PackReader.Read("ok.yaml", Header + Rule("{failedMechanisms: {valueSet: anti-tnf, atLeast: $n}}"));
        var compiled = new PackCompiler(ClinicalFixture.Knowledge.Terminology).Compile(pack, new Dictionary<string, string> { ["n"] = "3" });
        var assumption = compiled.Rules[0].Assumptions.Single();
        Assert.Equal(("n", "3", "2"), (assumption.Name, assumption.Value, assumption.Default));
    }
}

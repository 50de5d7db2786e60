using System.Text;
using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Tests.Terminology;

public class TerminologyCatalogTests
{
    private static TerminologyCatalog Catalog => ClinicalFixture.Knowledge.Terminology;

    private static bool In(string valueSet, string system, string code) =>
        Catalog.TryGet(valueSet, out var vs) && Catalog.Classify(new Coding { System = system, Code = code }).Contains(vs.Index);

    [Fact]
    public void Classify_RxNormIngredientAndBiosimilar_AreAntiTnf()
    {
        Assert.True(In("anti-tnf", KnownSystems.RxNorm, "191831"));
        Assert.True(In("anti-tnf", KnownSystems.RxNorm, "1790539"));
        Assert.False(In("anti-tnf", KnownSystems.RxNorm, "1538097"));
    }

    [Fact]
    public void Classify_IncludedValueSet_PropagatesMembership()
    {
        Assert.True(In("ibd-advanced-therapy", KnownSystems.RxNorm, "2196092"));
        Assert.True(In("ibd-advanced-therapy", KnownSystems.Atc, "L04AG05"));
        Assert.False(In("ibd-advanced-therapy", KnownSystems.RxNorm, "1256"));
    }

    [Theory]
    [InlineData("K50.80")]
    [InlineData("K5080")]
    [InlineData("K50.913")]
    [InlineData("k50.90")]
    public void Classify_Icd10IsAFilter_MatchesDescendantsWithOrWithoutDots(string code) =>
        Assert.True(In("crohns-disease", KnownSystems.Icd10Cm, code));

    [Fact]
    public void Classify_Icd10OtherChapter_DoesNotMatch() => Assert.False(In("crohns-disease", KnownSystems.Icd10Cm, "K51.90"));

    [Fact]
    public void Classify_BareCodeInWrongSystem_DoesNotMatch() => Assert.False(In("anti-tnf", KnownSystems.Snomed, "191831"));

    [Fact]
    public void ResolveAgent_AtcCode_GivesInnAndMechanism()
    {
        var agent = Catalog.ResolveAgent(new CodeableConcept { Coding = [new Coding { System = KnownSystems.Atc, Code = "L04AC05" }] });
        Assert.NotNull(agent);
        Assert.Equal("ustekinumab", agent.Inn);
        Assert.Equal("anti-il-12-23", agent.MechanismClass);
        Assert.Equal("anti-IL-12/23", agent.MechanismDisplay);
    }

    [Fact]
    public void TryTranslate_SnomedStopReason_MapsToTherapyOutcome()
    {
        Assert.True(Catalog.TryTranslate(new Coding { System = KnownSystems.Snomed, Code = "407563006" }, KnownSystems.TherapyOutcome, out var outcome));
        Assert.Equal("intolerance", outcome);
        Assert.False(Catalog.TryTranslate(new Coding { System = KnownSystems.Snomed, Code = "182992009" }, KnownSystems.TherapyOutcome, out _));
    }

    [Fact]
    public void Classify_TextOnly_MatchesOnlyWhereTextMatchingIsOn()
    {
        var text = new CodeableConcept { Text = "类克 (英夫利昔单抗) 100 mg" };
        Assert.True(Catalog.Classify(text).IsEmpty);
        var withText = TerminologyLoader.LoadDirectory(ClinicalFixture.Options().ProfilesDirectory, textMatching: true, []);
        withText.TryGet("anti-tnf", out var antiTnf);
        Assert.True(withText.Classify(text).Contains(antiTnf!.Index));
        Assert.Equal("infliximab", withText.ResolveAgent(new CodeableConcept { Text = "Remicade 100 mg IV" })?.Inn);
        Assert.Null(withText.ResolveAgent(new CodeableConcept { Text = "Remicadex" }));
    }

    [Fact]
    public void LocalCodes_FromConfiguration_InheritMembershipsAndAgent()
    {
        var local = new LocalCodeMapping { System = "urn:oid:1.2.3.4", Code = "IFX100", TargetSystem = KnownSystems.RxNorm, TargetCode = "191831" };
        var catalog = TerminologyLoader.LoadDirectory(ClinicalFixture.Options().ProfilesDirectory, false, [local]);
        catalog.TryGet("anti-tnf", out var antiTnf);
        var coding = new Coding { System = "urn:oid:1.2.3.4", Code = "IFX100" };
        Assert.True(catalog.Classify(coding).Contains(antiTnf!.Index));
        Assert.Equal("infliximab", catalog.ResolveAgent(new CodeableConcept { Coding = [coding] })?.Inn);
    }

    [Fact]
    public void Load_IncludeOfUnknownValueSet_FailsNamingFile()
    {
        var file = ("ValueSet-broken.json", Encoding.UTF8.GetBytes("""
            {"resourceType":"ValueSet","id":"broken","url":"http://x/ValueSet/broken",
             "compose":{"include":[{"valueSet":["http://x/ValueSet/missing"]}]}}
            """));
        var ex = Assert.Throws<TerminologyLoadException>(() => TerminologyLoader.Load([file], false, []));
        Assert.Contains("ValueSet-broken.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("http://x/ValueSet/missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IncludeCycle_Fails()
    {
        byte[] Vs(string id, string other) => Encoding.UTF8.GetBytes($$"""
            {"resourceType":"ValueSet","id":"{{id}}","url":"http://x/ValueSet/{{id}}","compose":{"include":[{"valueSet":["http://x/ValueSet/{{other}}"]}]} }
            """);
        var ex = Assert.Throws<TerminologyLoadException>(() => TerminologyLoader.Load([("a.json", Vs("a", "b")), ("b.json", Vs("b", "a"))], false, []));
        Assert.Contains("cycle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SnomedIsAFilter_IsRejected()
    {
        var file = ("vs.json", Encoding.UTF8.GetBytes("""
            {"resourceType":"ValueSet","id":"x","url":"http://x/ValueSet/x",
             "compose":{"include":[{"system":"http://snomed.info/sct","filter":[{"property":"concept","op":"is-a","value":"34000006"}]}]}}
            """));
        var ex = Assert.Throws<TerminologyLoadException>(() => TerminologyLoader.Load([file], false, []));
        Assert.Contains("/compose/include/0/filter/0", ex.Message, StringComparison.Ordinal);
    }
}

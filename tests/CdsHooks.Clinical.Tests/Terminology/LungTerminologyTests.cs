using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Tests.Terminology;

/// <summary>The lung ValueSets as a site with text matching would use them: Chinese drug names and histology text.</summary>
public class LungTerminologyTests
{
    private static readonly TerminologyCatalog WithText =
        TerminologyLoader.LoadDirectory(ClinicalFixture.Options().ProfilesDirectory, textMatching: true, []);

    private static bool In(string valueSet, string text)
    {
        WithText.TryGet(valueSet, out var vs);
        return WithText.Classify(new CodeableConcept { Text = text }).Contains(vs!.Index);
    }

    [Fact]
    public void ChineseNsclcText_IsNotReadAsSmallCell()
    {
        // 小细胞肺癌 (SCLC) is a substring of 非小细胞肺癌 (NSCLC); CJK synonyms match as substrings.
        Assert.True(In("lung-nsclc", "非小细胞肺癌 IV期"));
        Assert.False(In("lung-sclc", "非小细胞肺癌 IV期"));
        Assert.True(In("lung-cancer", "非小细胞肺癌 IV期"));
    }

    [Theory]
    [InlineData("Non-small cell lung cancer, stage IV", true)]
    [InlineData("NON-SMALL CELL LUNG CANCER", true)]
    [InlineData("Non-small cell carcinoma of lung", false)]
    [InlineData("non-small cell carcinoma of lung, adenocarcinoma subtype", false)]
    public void EnglishNsclcText_IsNotReadAsSmallCell(string text, bool namesNsclc)
    {
        // "Small cell carcinoma of lung" (SCLC) follows a hyphen in "Non-small cell carcinoma of lung": a hyphen before a
        // term joins it to the word in front, so the term is not matched there.
        Assert.False(In("lung-sclc", text));
        Assert.Equal(namesNsclc, In("lung-nsclc", text));
    }

    [Theory]
    [InlineData("lung-pemetrexed", "carboplatin-pemetrexed")]
    [InlineData("lung-pemetrexed", "Pemetrexed-carboplatin q3w")]
    public void HyphenatedRegimens_StillNameEachDrug(string valueSet, string text) => Assert.True(In(valueSet, text));

    [Theory]
    [InlineData("Small cell carcinoma of lung, extensive stage")]
    [InlineData("SCLC (limited stage)")]
    [InlineData("Small cell carcinoma of lung-extensive")]
    public void SmallCellText_IsSmallCell(string text)
    {
        Assert.True(In("lung-sclc", text));
        Assert.False(In("lung-nsclc", text));
    }

    [Fact]
    public void DrugsWithoutRxNormOrAtc_MatchByTextWhereEnabled_WithAgentAndMechanism()
    {
        var agent = WithText.ResolveAgent(new CodeableConcept { Text = "安罗替尼胶囊 12 mg" });
        Assert.Equal("anlotinib", agent?.Inn);
        Assert.Equal("anti-angiogenic", agent?.MechanismClass);
        Assert.True(In("lung-pd-1-pd-l1-inhibitor", "信迪利单抗注射液"));
        Assert.Null(ClinicalFixture.Knowledge.Terminology.ResolveAgent(new CodeableConcept { Text = "安罗替尼胶囊 12 mg" })); // off by default
    }

    [Fact]
    public void LocalDrugCode_ResolvesWithoutTextMatching()
    {
        var coding = new Coding { System = "http://refractorycds.org/fhir/CodeSystem/lung-local-drug", Code = "pyrotinib" };
        var agent = ClinicalFixture.Knowledge.Terminology.ResolveAgent(new CodeableConcept { Coding = [coding] });
        Assert.Equal("pyrotinib", agent?.Inn);
        Assert.Equal("her2-tki", agent?.MechanismClass);
    }
}

using System.Text.Json;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Prefetch;
using CdsHooks.Clinical.Terminology;

namespace CdsHooks.Clinical.Tests.Prefetch;

public class ResourceRelevanceTests
{
    private static readonly ResourceRelevance Relevance = new(ClinicalFixture.Knowledge);

    public static TheoryData<string, bool> Cases => new()
    {
        // Conditions and procedures matter by their code.
        { """{"resourceType":"Condition","code":{"coding":[{"system":"http://snomed.info/sct","code":"34000006"}]}}""", true },
        { """{"resourceType":"Condition","code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"K50.012"}]}}""", true },
        { """{"resourceType":"Condition","code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"Z23"}]}}""", false },
        { """{"resourceType":"Condition","code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"Z23"}],"text":"Crohn's disease"}}""", false },
        // Uncoded (text only, or no code at all) is read: the conformance check sets it aside, so criteria it could
        // feed are unknown rather than false.
        { """{"resourceType":"Condition","code":{"text":"Crohn's disease"}}""", true },
        { """{"resourceType":"Condition"}""", true },
        { """{"resourceType":"MedicationStatement","medicationCodeableConcept":{"text":"Stelara"}}""", true },
        { """{"resourceType":"Procedure","code":{"coding":[{"system":"http://snomed.info/sct","code":"0000000"}]}}""", false },
        // Medication records matter by the drug, or always when the drug is a reference the model must resolve.
        { """{"resourceType":"MedicationStatement","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"191831"}]}}""", true },
        { """{"resourceType":"MedicationStatement","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"17767"}]}}""", false },
        { """{"resourceType":"MedicationRequest","medicationReference":{"reference":"Medication/m1"}}""", true },
        // Observations matter by code, coded value, components, or a link to a therapy (an outcome signal).
        { """{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"1988-5"}]}}""", true },
        { """{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]}}""", false },
        { """{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"focus":[{"reference":"MedicationStatement/x"}]}""", true },
        { """{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"valueCodeableConcept":{"coding":[{"system":"http://refractorycds.org/fhir/CodeSystem/therapy-outcome","code":"progression"}]}}""", true },
        { """{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"component":[{"code":{"coding":[{"system":"http://loinc.org","code":"1988-5"}]}}]}""", true },
        // Shapes the check cannot judge are read, so the reader reports them; other types are always read.
        { """{"resourceType":"Observation","code":"1988-5"}""", true },
        { """{"resourceType":"Observation","code":{"coding":{"system":"http://loinc.org","code":"8867-4"}}}""", true },
        { """{"resourceType":"Patient","id":"p1"}""", true },
        { """{"resourceType":"Medication","id":"m1"}""", true },
        { """{"id":"no-type"}""", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MayMatter_JudgesByKnownCodes(string json, bool expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, Relevance.MayMatter(document.RootElement));
    }

    [Fact]
    public void MayMatter_CodingThatIsNoText_IsRead_SoTheReaderReportsIt()
    {
        using var document = JsonDocument.Parse("""{"resourceType":"Condition","code":{"coding":[{"system":"http://snomed.info/sct","code":"\uD800"}]}}""");

        Assert.True(Relevance.MayMatter(document.RootElement));
    }

    [Fact]
    public void MayMatter_SiteLocalCodeMappedOntoAPackCode_Matters()
    {
        var options = ClinicalFixture.Options();
        options.LocalCodes = [new LocalCodeMapping { System = "urn:oid:1.2.3", Code = "IFX", TargetSystem = "http://www.nlm.nih.gov/research/umls/rxnorm", TargetCode = "191831" }];
        var relevance = new ResourceRelevance(KnowledgeBase.Load(options));
        using var document = JsonDocument.Parse("""{"resourceType":"MedicationStatement","medicationCodeableConcept":{"coding":[{"system":"urn:oid:1.2.3","code":"IFX"}]}}""");

        Assert.True(relevance.MayMatter(document.RootElement));
    }

    [Fact]
    public void MayMatter_WithTextMatchingOn_ReadsEverything()
    {
        var options = ClinicalFixture.Options();
        options.TextMatching = true;
        var relevance = new ResourceRelevance(KnowledgeBase.Load(options));
        using var document = JsonDocument.Parse("""{"resourceType":"Condition","code":{"text":"Morbus Crohn"}}""");

        Assert.True(relevance.MayMatter(document.RootElement));
    }
}

using System.Text;
using CdsHooks.Clinical;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Timeline;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Testing;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Clinical.Tests;

/// <summary>The real knowledge base from seeds/knowledge and fhir-profiles, loaded once for the test run.</summary>
public static class ClinicalFixture
{
    private static readonly Lazy<KnowledgeBase> Lazy = new(() => KnowledgeBase.Load(Options()));

    /// <summary>The shipped knowledge base.</summary>
    public static KnowledgeBase Knowledge => Lazy.Value;

    /// <summary>Options pointing at the repository's knowledge and profiles.</summary>
    public static ClinicalOptions Options() => new()
    {
        KnowledgeDirectory = RepoPaths.Knowledge,
        ProfilesDirectory = RepoPaths.Profiles,
    };

    /// <summary>Parses one FHIR resource from JSON text.</summary>
    public static T Parse<T>(string json) where T : Resource => (T)FhirJson.DeserializeResource(Encoding.UTF8.GetBytes(json));

    /// <summary>An invocation over the given resources.</summary>
    public static HookInvocation Call(
        IEnumerable<Resource> resources, Patient? patient = null, string hook = "patient-view",
        IReadOnlyList<Resource>? drafts = null, IReadOnlyList<DataGap>? gaps = null) => new()
    {
        ServiceId = "test",
        Hook = hook,
        HookInstance = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        PatientId = patient?.Id ?? "p1",
        Data = new ClinicalData(patient, resources.ToList()),
        DraftOrders = drafts ?? [],
        DataGaps = gaps ?? [],
    };

    /// <summary>An invocation for a demo patient.</summary>
    public static HookInvocation Call(SeedPatient seed, string hook = "patient-view", bool withDrafts = false) =>
        Call(seed.Resources, seed.Patient, hook,
            withDrafts ? seed.DraftOrders.Select(d => FhirJson.DeserializeResource(d)).ToList() : null);

    /// <summary>The timeline of an invocation as of an instant.</summary>
    public static PatientTimeline BuildTimeline(HookInvocation invocation, DateTimeOffset asOf) =>
        new TimelineBuilder(Knowledge.Terminology).Build(invocation, asOf);

    /// <summary>A standard patient, 40 years old at 2025-01-01.</summary>
    public static Patient Patient(string gender = "female", string birthDate = "1984-06-15") =>
        Parse<Patient>($$"""{"resourceType":"Patient","id":"p1","gender":"{{gender}}","birthDate":"{{birthDate}}"}""");

    /// <summary>A MedicationStatement coded in RxNorm.</summary>
    public static MedicationStatement Statement(string id, string rxnorm, string start, string? end = null, string status = "stopped", string? outcome = null, string outcomeSystem = "http://refractorycds.org/fhir/CodeSystem/therapy-outcome")
    {
        string period = end is null ? $$"""{"start":"{{start}}"}""" : $$"""{"start":"{{start}}","end":"{{end}}"}""";
        string reason = outcome is null ? "" : $$""","statusReason":[{"coding":[{"system":"{{outcomeSystem}}","code":"{{outcome}}"}]}]""";
        return Parse<MedicationStatement>($$"""
            {"resourceType":"MedicationStatement","id":"{{id}}","status":"{{status}}"{{reason}},
             "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"{{rxnorm}}"}]},
             "subject":{"reference":"Patient/p1"},"effectivePeriod":{{period}}}
            """);
    }

    /// <summary>A Condition with one coding.</summary>
    public static Condition Condition(string id, string system, string code, string? clinical = "active", string? verification = null, string onset = "2020-01-01")
    {
        string cs = clinical is null ? "" : $$""","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"{{clinical}}"}]}""";
        string vs = verification is null ? "" : $$""","verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"{{verification}}"}]}""";
        return Parse<Condition>($$"""
            {"resourceType":"Condition","id":"{{id}}"{{cs}}{{vs}},"code":{"coding":[{"system":"{{system}}","code":"{{code}}"}]},
             "subject":{"reference":"Patient/p1"},"onsetDateTime":"{{onset}}"}
            """);
    }

    /// <summary>An Observation with a quantity.</summary>
    public static Observation Quantity(string id, string loinc, decimal value, string unit, string when, string system = "http://loinc.org") =>
        Parse<Observation>($$"""
            {"resourceType":"Observation","id":"{{id}}","status":"final","code":{"coding":[{"system":"{{system}}","code":"{{loinc}}"}]},
             "subject":{"reference":"Patient/p1"},"effectiveDateTime":"{{when}}",
             "valueQuantity":{"value":{{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"unit":"{{unit}}","system":"http://unitsofmeasure.org","code":"{{unit}}"} }
            """);

    /// <summary>An Observation with a coded value in the local clinical-findings system.</summary>
    public static Observation Coded(string id, string system, string code, string valueCode, string when) =>
        Parse<Observation>($$"""
            {"resourceType":"Observation","id":"{{id}}","status":"final","code":{"coding":[{"system":"{{system}}","code":"{{code}}"}]},
             "subject":{"reference":"Patient/p1"},"effectiveDateTime":"{{when}}",
             "valueCodeableConcept":{"coding":[{"system":"http://refractorycds.org/fhir/CodeSystem/clinical-findings","code":"{{valueCode}}"}]} }
            """);
}

namespace CdsHooks.Fhir.Tests.Validation;

/// <summary>Small, valid resources that each test changes in one place.</summary>
internal static class Resources
{
    public const string Observation = """
        {"resourceType": "Observation", "id": "crp", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "1988-5", "display": "C reactive protein"}]},
         "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2024-03-01",
         "valueQuantity": {"value": 38, "unit": "mg/L", "system": "http://unitsofmeasure.org", "code": "mg/L"}}
        """;

    public const string MedicationStatement = """
        {"resourceType": "MedicationStatement", "id": "ifx", "status": "stopped",
         "statusReason": [{"coding": [{"system": "http://refractorycds.org/fhir/CodeSystem/therapy-outcome", "code": "primary-non-response"}]}],
         "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "191831", "display": "infliximab"}]},
         "subject": {"reference": "Patient/p1"}, "effectivePeriod": {"start": "2021-01-10", "end": "2022-02-01"}}
        """;

    public const string Condition = """
        {"resourceType": "Condition", "id": "cd",
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
         "code": {"coding": [{"system": "http://snomed.info/sct", "code": "34000006", "display": "Crohn's disease"}]},
         "subject": {"reference": "Patient/p1"}, "onsetDateTime": "2019-05"}
        """;

    /// <summary>Replaces one exact piece of a resource's JSON, failing when it is not there.</summary>
    public static string With(this string json, string find, string replace)
    {
        Assert.Contains(find, json, StringComparison.Ordinal);
        return json.Replace(find, replace, StringComparison.Ordinal);
    }
}

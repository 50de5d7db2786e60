using CdsHooks.Clinical.Rules.Model;

namespace CdsHooks.Clinical.Conformance;

/// <summary>
/// What data each kind of criterion reads, in one place: the guard that makes criteria unknown when data they would
/// read was set aside, the readiness report and the data-requirements page all take it from here.
/// </summary>
public static class CriterionData
{
    /// <summary>The therapy resource types: episodes come from statements, requests and procedures.</summary>
    public static readonly IReadOnlyList<string> TherapyTypes = ["MedicationStatement", "MedicationRequest", "Procedure"];

    private static readonly string[] Diagnosis = ["Condition.code", "Condition.clinicalStatus", "Condition.verificationStatus"];
    private static readonly string[] Result = ["Observation.code", "Observation.status", "Observation.effective[x]"];
    private static readonly string[] ProcedureRead = ["Procedure.code", "Procedure.status", "Procedure.performed[x]"];

    /// <summary>The data a leaf criterion reads; empty for <c>all</c>, <c>any</c>, <c>not</c>, <c>ref</c>, assumptions and draft orders.</summary>
    public static IReadOnlyList<DataNeed> Of(Criterion criterion) => criterion switch
    {
        DiagnosisCriterion d => [DiagnosisNeed(d.ValueSet, timed: false)],
        TherapyCriterion t => t.SinceDiagnosis is { } since
            ? [TherapyNeed(t.ValueSet, t.Outcomes is not null), DiagnosisNeed(since, timed: true)]
            : [TherapyNeed(t.ValueSet, t.Outcomes is not null)],
        FailedMechanismsCriterion f => [TherapyNeed(f.ValueSet, outcomes: true)],
        ConcurrentMechanismsCriterion c => [TherapyNeed(c.ValueSet, outcomes: false)],
        LinesOfTherapyCriterion l => [TherapyNeed(l.ValueSet, outcomes: true)],
        CombinedTherapyCriterion c => [TherapyNeed(c.ValueSet, c.Outcomes is not null), .. c.With.Select(w => TherapyNeed(w, outcomes: false))],
        ObservationCriterion o => [ObservationNeed(o)],
        ProcedureCriterion p => [new DataNeed("procedure", ["Procedure"], p.ValueSet, ProcedureRead, [])],
        AgeCriterion => [new DataNeed("demographic", ["Patient"], null, ["Patient.birthDate"], [])],
        SexCriterion => [new DataNeed("demographic", ["Patient"], null, ["Patient.gender"], [])],
        TimeSinceCriterion t => [EventNeed(t.EventType, t.ValueSet, t.Edge, null)],
        IntervalCriterion i => [EventNeed(i.From.EventType, i.From.ValueSet, i.From.Edge, i.From.CodedValueSet), EventNeed(i.To.EventType, i.To.ValueSet, i.To.Edge, i.To.CodedValueSet)],
        GenomicResultCriterion g => GenomicNeeds(g),
        TiterCriterion t => [new DataNeed("result", ["Observation"], t.ValueSet, [.. Result, "Observation.value[x] (a titre: valueQuantity {titer}, valueRatio or text such as 1:320)"], [])],
        AbnormalResultCriterion a => [new DataNeed("result", ["Observation"], a.ValueSet, [.. Result, "Observation.valueQuantity (UCUM)", "Observation.referenceRange", "Observation.interpretation"], [])],
        ComponentCountCriterion k => [new DataNeed("result", ["Observation"], k.ValueSet, [.. Result, "Observation.component.code", "Observation.component.valueCodeableConcept"], [k.CodedValueSet])],
        _ => [],
    };

    private static DataNeed DiagnosisNeed(string valueSet, bool timed) =>
        new("diagnosis", ["Condition"], valueSet, timed ? [.. Diagnosis, "Condition.onset[x]"] : Diagnosis, []);

    private static DataNeed TherapyNeed(string valueSet, bool outcomes)
    {
        var elements = new List<string> { "MedicationStatement.medication[x]", "MedicationStatement.status", "MedicationStatement.effectivePeriod" };
        if (outcomes)
        {
            elements.Add("MedicationStatement.statusReason");
        }

        return new DataNeed("therapy", TherapyTypes, valueSet, elements, []);
    }

    private static DataNeed ObservationNeed(ObservationCriterion o)
    {
        var elements = new List<string>(Result);
        var answers = new List<string>();
        if (o.Value is not null)
        {
            elements.Add(o.Unit is { } unit ? $"Observation.valueQuantity (UCUM, converted to {unit})" : "Observation.valueQuantity");
        }

        if (o.CodedValueSet is { } coded)
        {
            elements.Add("Observation.valueCodeableConcept");
            answers.Add(coded);
        }

        if (o.ComponentValueSet is { } component)
        {
            elements.Add("Observation.component.valueCodeableConcept");
            answers.Add(component);
        }

        return new DataNeed("result", ["Observation"], o.ValueSet, elements, answers);
    }

    private static DataNeed EventNeed(string eventType, string valueSet, EventEdge edge, string? codedIn) => eventType switch
    {
        "therapy" => TherapyNeed(valueSet, outcomes: false),
        "diagnosis" => DiagnosisNeed(valueSet, timed: true),
        "procedure" => new DataNeed("procedure", ["Procedure"], valueSet, ProcedureRead, []),
        _ => new DataNeed("result", ["Observation"], valueSet, codedIn is null ? Result : [.. Result, "Observation.valueCodeableConcept"], codedIn is null ? [] : [codedIn]),
    };

    private static List<DataNeed> GenomicNeeds(GenomicResultCriterion g)
    {
        var answers = g.CodedValueSet is null ? new List<string>() : [g.CodedValueSet];
        var needs = new List<DataNeed>();
        if (g.ValueSet is { } test)
        {
            needs.Add(new DataNeed("result", ["Observation"], test, [.. Result, "Observation.valueCodeableConcept"], answers));
        }

        if (g.VariantAssessment is { } assessment)
        {
            needs.Add(new DataNeed("result", ["Observation"], assessment,
                [.. Result, "Observation.valueCodeableConcept", "Observation.component.valueCodeableConcept (gene studied, LOINC 48018-6)"],
                [.. answers, .. g.Gene is null ? [] : new[] { g.Gene }]));
        }

        return needs;
    }
}

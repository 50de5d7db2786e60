using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>The resource types the demo endpoint serves and the search parameters of each (FHIR R4 names).</summary>
internal static class DemoSearchCatalog
{
    private static readonly FrozenDictionary<string, ResourceSearchDefinition> Definitions = new ResourceSearchDefinition[]
    {
        new(Patient.TypeName, null, Common().Concat(
        [
            Token<Patient>("gender", "Patient.gender", p => Code("http://hl7.org/fhir/administrative-gender", p.Gender)),
            Date<Patient>("birthdate", "Patient.birthDate", p => Range(p.BirthDate, null)),
        ])),
        new(Condition.TypeName, "onset-date", PatientScoped<Condition>(c => c.Subject).Concat(
        [
            Token<Condition>("code", "Condition.code", c => Concept(c.Code)),
            Token<Condition>("category", "Condition.category", c => Concepts(c.Category)),
            Token<Condition>("clinical-status", "Condition.clinicalStatus", c => Concept(c.ClinicalStatus)),
            Token<Condition>("verification-status", "Condition.verificationStatus", c => Concept(c.VerificationStatus)),
            Date<Condition>("onset-date", "Condition.onsetDateTime or onsetPeriod", c => Range(c.OnsetDateTime, c.OnsetPeriod)),
            Date<Condition>("recorded-date", "Condition.recordedDate", c => Range(c.RecordedDate, null)),
        ])),
        new(Observation.TypeName, "date", PatientScoped<Observation>(o => o.Subject).Concat(
        [
            Token<Observation>("code", "Observation.code", o => Concept(o.Code)),
            Token<Observation>("category", "Observation.category", o => Concepts(o.Category)),
            Token<Observation>("status", "Observation.status", o => Code("http://hl7.org/fhir/observation-status", o.Status)),
            Date<Observation>("date", "Observation.effective[x]", o => Range(o.EffectiveDateTime ?? o.EffectiveInstant, o.EffectivePeriod)),
        ])),
        new(MedicationStatement.TypeName, "effective", PatientScoped<MedicationStatement>(m => m.Subject).Concat(
        [
            Token<MedicationStatement>("code", "MedicationStatement.medicationCodeableConcept", m => Concept(m.MedicationCodeableConcept)),
            Token<MedicationStatement>("category", "MedicationStatement.category", m => Concept(m.Category)),
            Token<MedicationStatement>("status", "MedicationStatement.status", m => Code("http://hl7.org/fhir/CodeSystem/medication-statement-status", m.Status)),
            Date<MedicationStatement>("effective", "MedicationStatement.effective[x]", m => Range(m.EffectiveDateTime, m.EffectivePeriod)),
        ])),
        new(MedicationRequest.TypeName, "authoredon", PatientScoped<MedicationRequest>(m => m.Subject).Concat(
        [
            Token<MedicationRequest>("code", "MedicationRequest.medicationCodeableConcept", m => Concept(m.MedicationCodeableConcept)),
            Token<MedicationRequest>("category", "MedicationRequest.category", m => Concepts(m.Category)),
            Token<MedicationRequest>("status", "MedicationRequest.status", m => Code("http://hl7.org/fhir/CodeSystem/medicationrequest-status", m.Status)),
            Token<MedicationRequest>("intent", "MedicationRequest.intent", m => Code("http://hl7.org/fhir/CodeSystem/medicationrequest-intent", m.Intent)),
            Date<MedicationRequest>("authoredon", "MedicationRequest.authoredOn", m => Range(m.AuthoredOn, null)),
        ])),
        new(Procedure.TypeName, "date", PatientScoped<Procedure>(p => p.Subject).Concat(
        [
            Token<Procedure>("code", "Procedure.code", p => Concept(p.Code)),
            Token<Procedure>("category", "Procedure.category", p => Concept(p.Category)),
            Token<Procedure>("status", "Procedure.status", p => Code("http://hl7.org/fhir/event-status", p.Status)),
            Date<Procedure>("date", "Procedure.performed[x]", p => Range(p.PerformedDateTime, p.PerformedPeriod)),
        ])),
        new(ServiceRequest.TypeName, "authored", PatientScoped<ServiceRequest>(s => s.Subject).Concat(
        [
            Token<ServiceRequest>("code", "ServiceRequest.code", s => Concept(s.Code)),
            Token<ServiceRequest>("status", "ServiceRequest.status", s => Code("http://hl7.org/fhir/request-status", s.Status)),
            Token<ServiceRequest>("intent", "ServiceRequest.intent", s => Code("http://hl7.org/fhir/request-intent", s.Intent)),
            Date<ServiceRequest>("authored", "ServiceRequest.authoredOn", s => Range(s.AuthoredOn, null)),
        ])),
    }.ToFrozenDictionary(d => d.Type, StringComparer.Ordinal);

    /// <summary>The served types, in a stable order.</summary>
    public static IReadOnlyList<string> Types { get; } = [.. Definitions.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether a type is served.</summary>
    /// <param name="resourceType">The FHIR type name.</param>
    /// <returns>True when served.</returns>
    public static bool IsServed(string resourceType) => Definitions.ContainsKey(resourceType);

    /// <summary>Finds a served type.</summary>
    /// <param name="resourceType">The FHIR type name (case-sensitive).</param>
    /// <param name="definition">The definition, when served.</param>
    /// <returns>True when served.</returns>
    public static bool TryGet(string resourceType, [NotNullWhen(true)] out ResourceSearchDefinition? definition)
        => Definitions.TryGetValue(resourceType, out definition);

    private static IEnumerable<SearchParameter> Common() =>
    [
        new TokenSearchParameter("_id", "Resource.id", r => r.Id is null ? [] : [new Coding { Code = r.Id }]),
        new DateSearchParameter("_lastUpdated", "Resource.meta.lastUpdated", r => Range(r.Meta?.LastUpdated, null)),
    ];

    private static IEnumerable<SearchParameter> PatientScoped<T>(Func<T, Reference?> subject)
        where T : Resource
        => Common().Concat(
        [
            new ReferenceSearchParameter("patient", "subject, when it is a Patient (Patient/x or x)", r => r is T t ? subject(t) : null, Patient.TypeName),
            new ReferenceSearchParameter("subject", "subject (Type/x or x)", r => r is T t ? subject(t) : null, null),
        ]);

    private static TokenSearchParameter Token<T>(string name, string description, Func<T, IEnumerable<Coding>> codings)
        where T : Resource
        => new(name, description, r => r is T t ? codings(t) : []);

    private static DateSearchParameter Date<T>(string name, string description, Func<T, FhirDateRange?> range)
        where T : Resource
        => new(name, description, r => r is T t ? range(t) : null);

    private static FhirDateRange? Range(FhirDateTime? dateTime, Period? period) => FhirDateRange.Of(dateTime, period);

    private static IEnumerable<Coding> Concept(CodeableConcept? concept) => concept?.Coding ?? [];

    private static IEnumerable<Coding> Concepts(IEnumerable<CodeableConcept>? concepts) => concepts?.SelectMany(Concept) ?? [];

    // A FHIR 'code' element searched as a token carries its value set's system implicitly.
    private static IEnumerable<Coding> Code(string system, string? code) => code is null ? [] : [new Coding { System = system, Code = code }];
}

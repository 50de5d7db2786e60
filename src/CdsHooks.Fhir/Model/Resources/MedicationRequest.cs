using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>FHIR R4 <c>MedicationRequest</c>: an order or request for a medication. <c>dispenseRequest</c> and <c>substitution</c> stay in <see cref="Resource.AdditionalElements"/>.</summary>
public sealed record MedicationRequest : DomainResource
{
    /// <summary>The FHIR resource type name, <c>MedicationRequest</c>.</summary>
    public const string TypeName = "MedicationRequest";

    /// <summary>Creates an empty <c>MedicationRequest</c>.</summary>
    public MedicationRequest()
        : base(TypeName)
    {
    }

    /// <summary>Business identifiers.</summary>
    public IReadOnlyList<Identifier>? Identifier { get; set; }

    /// <summary>active | on-hold | cancelled | completed | entered-in-error | stopped | draft | unknown.</summary>
    public string? Status { get; set; }

    /// <summary>Reason for current status.</summary>
    public CodeableConcept? StatusReason { get; set; }

    /// <summary>proposal | plan | order | original-order | reflex-order | filler-order | instance-order | option.</summary>
    public string? Intent { get; set; }

    /// <summary>Type of medication usage.</summary>
    public IReadOnlyList<CodeableConcept>? Category { get; set; }

    /// <summary>routine | urgent | asap | stat.</summary>
    public string? Priority { get; set; }

    /// <summary>True if the request is prohibiting action.</summary>
    public bool? DoNotPerform { get; set; }

    /// <summary>reported[x] as a boolean.</summary>
    public bool? ReportedBoolean { get; set; }

    /// <summary>medication[x] as a code.</summary>
    public CodeableConcept? MedicationCodeableConcept { get; set; }

    /// <summary>medication[x] as a reference to a Medication.</summary>
    public Reference? MedicationReference { get; set; }

    /// <summary>Who the medication request is for.</summary>
    public Reference? Subject { get; set; }

    /// <summary>Encounter created as part of.</summary>
    public Reference? Encounter { get; set; }

    /// <summary>When the request was initially authored.</summary>
    public FhirDateTime? AuthoredOn { get; set; }

    /// <summary>Who or what requested the medication.</summary>
    public Reference? Requester { get; set; }

    /// <summary>Reason or indication for ordering.</summary>
    public IReadOnlyList<CodeableConcept>? ReasonCode { get; set; }

    /// <summary>Condition or observation that supports the order.</summary>
    public IReadOnlyList<Reference>? ReasonReference { get; set; }

    /// <summary>What the request fulfils.</summary>
    public IReadOnlyList<Reference>? BasedOn { get; set; }

    /// <summary>Comments.</summary>
    public IReadOnlyList<Annotation>? Note { get; set; }

    /// <summary>How the medication should be taken.</summary>
    public IReadOnlyList<Dosage>? DosageInstruction { get; set; }

    /// <summary>medication[x]: CodeableConcept or Reference.</summary>
    [JsonIgnore]
    public ChoiceValue? Medication => ChoiceValue.First(codeableConcept: MedicationCodeableConcept, reference: MedicationReference);
}

using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>FHIR R4 <c>ServiceRequest</c>: a request for a service (referral, test, procedure).</summary>
public sealed record ServiceRequest : DomainResource
{
    /// <summary>The FHIR resource type name, <c>ServiceRequest</c>.</summary>
    public const string TypeName = "ServiceRequest";

    /// <summary>Creates an empty <c>ServiceRequest</c>.</summary>
    public ServiceRequest()
        : base(TypeName)
    {
    }

    /// <summary>Business identifiers.</summary>
    public IReadOnlyList<Identifier>? Identifier { get; set; }

    /// <summary>What the request fulfils.</summary>
    public IReadOnlyList<Reference>? BasedOn { get; set; }

    /// <summary>draft | active | on-hold | revoked | completed | entered-in-error | unknown.</summary>
    public string? Status { get; set; }

    /// <summary>proposal | plan | directive | order | original-order | reflex-order | filler-order | instance-order | option.</summary>
    public string? Intent { get; set; }

    /// <summary>Classification of service.</summary>
    public IReadOnlyList<CodeableConcept>? Category { get; set; }

    /// <summary>routine | urgent | asap | stat.</summary>
    public string? Priority { get; set; }

    /// <summary>True if service/procedure should not be performed.</summary>
    public bool? DoNotPerform { get; set; }

    /// <summary>What is being requested or ordered.</summary>
    public CodeableConcept? Code { get; set; }

    /// <summary>Individual or entity the service is ordered for.</summary>
    public Reference? Subject { get; set; }

    /// <summary>Encounter in which the request was created.</summary>
    public Reference? Encounter { get; set; }

    /// <summary>occurrence[x] as a dateTime.</summary>
    public FhirDateTime? OccurrenceDateTime { get; set; }

    /// <summary>occurrence[x] as a Period.</summary>
    public Period? OccurrencePeriod { get; set; }

    /// <summary>Date request signed.</summary>
    public FhirDateTime? AuthoredOn { get; set; }

    /// <summary>Who or what is requesting the service.</summary>
    public Reference? Requester { get; set; }

    /// <summary>Explanation or justification for the request.</summary>
    public IReadOnlyList<CodeableConcept>? ReasonCode { get; set; }

    /// <summary>Explanation or justification (references).</summary>
    public IReadOnlyList<Reference>? ReasonReference { get; set; }

    /// <summary>Comments.</summary>
    public IReadOnlyList<Annotation>? Note { get; set; }

    /// <summary>Patient or consumer-oriented instructions.</summary>
    public string? PatientInstruction { get; set; }

    /// <summary>occurrence[x]: DateTime or Period (Timing stays in AdditionalElements).</summary>
    [JsonIgnore]
    public ChoiceValue? Occurrence => ChoiceValue.First(dateTime: OccurrenceDateTime, period: OccurrencePeriod);
}

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
    public IReadOnlyList<Identifier>? Identifier { get; init; }

    /// <summary>What the request fulfils.</summary>
    public IReadOnlyList<Reference>? BasedOn { get; init; }

    /// <summary>draft | active | on-hold | revoked | completed | entered-in-error | unknown.</summary>
    public string? Status { get; init; }

    /// <summary>proposal | plan | directive | order | original-order | reflex-order | filler-order | instance-order | option.</summary>
    public string? Intent { get; init; }

    /// <summary>Classification of service.</summary>
    public IReadOnlyList<CodeableConcept>? Category { get; init; }

    /// <summary>routine | urgent | asap | stat.</summary>
    public string? Priority { get; init; }

    /// <summary>True if service/procedure should not be performed.</summary>
    public bool? DoNotPerform { get; init; }

    /// <summary>What is being requested or ordered.</summary>
    public CodeableConcept? Code { get; init; }

    /// <summary>Individual or entity the service is ordered for.</summary>
    public Reference? Subject { get; init; }

    /// <summary>Encounter in which the request was created.</summary>
    public Reference? Encounter { get; init; }

    /// <summary>occurrence[x] as a dateTime.</summary>
    public FhirDateTime? OccurrenceDateTime { get; init; }

    /// <summary>occurrence[x] as a Period.</summary>
    public Period? OccurrencePeriod { get; init; }

    /// <summary>Date request signed.</summary>
    public FhirDateTime? AuthoredOn { get; init; }

    /// <summary>Who or what is requesting the service.</summary>
    public Reference? Requester { get; init; }

    /// <summary>Explanation or justification for the request.</summary>
    public IReadOnlyList<CodeableConcept>? ReasonCode { get; init; }

    /// <summary>Explanation or justification (references).</summary>
    public IReadOnlyList<Reference>? ReasonReference { get; init; }

    /// <summary>Comments.</summary>
    public IReadOnlyList<Annotation>? Note { get; init; }

    /// <summary>Patient or consumer-oriented instructions.</summary>
    public string? PatientInstruction { get; init; }

    /// <summary>occurrence[x]: DateTime or Period (Timing stays in AdditionalElements).</summary>
    [JsonIgnore]
    public ChoiceValue? Occurrence => ChoiceValue.First(dateTime: OccurrenceDateTime, period: OccurrencePeriod);
}

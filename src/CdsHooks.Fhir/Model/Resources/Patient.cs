using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>FHIR R4 <c>Patient</c>: demographics of a person receiving care.</summary>
public sealed record Patient : DomainResource
{
    /// <summary>The FHIR resource type name, <c>Patient</c>.</summary>
    public const string TypeName = "Patient";

    /// <summary>Creates an empty <c>Patient</c>.</summary>
    public Patient()
        : base(TypeName)
    {
    }

    /// <summary>Business identifiers.</summary>
    public IReadOnlyList<Identifier>? Identifier { get; set; }

    /// <summary>Whether this patient record is in active use.</summary>
    public bool? Active { get; set; }

    /// <summary>Names of the patient.</summary>
    public IReadOnlyList<HumanName>? Name { get; set; }

    /// <summary>male | female | other | unknown.</summary>
    public string? Gender { get; set; }

    /// <summary>Date of birth, with its stated precision.</summary>
    public FhirDateTime? BirthDate { get; set; }

    /// <summary>deceased[x] as a boolean.</summary>
    public bool? DeceasedBoolean { get; set; }

    /// <summary>deceased[x] as a dateTime.</summary>
    public FhirDateTime? DeceasedDateTime { get; set; }

    /// <summary>deceased[x]: <see cref="ChoiceValue.BooleanChoice"/> or <see cref="ChoiceValue.DateTimeChoice"/>.</summary>
    [JsonIgnore]
    public ChoiceValue? Deceased => ChoiceValue.First(boolean: DeceasedBoolean, dateTime: DeceasedDateTime);
}

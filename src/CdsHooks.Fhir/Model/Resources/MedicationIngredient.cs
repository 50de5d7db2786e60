using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Medication.ingredient</c>: an active or inactive ingredient.</summary>
public sealed record MedicationIngredient : Element
{
    /// <summary>item[x] as a code.</summary>
    public CodeableConcept? ItemCodeableConcept { get; set; }

    /// <summary>item[x] as a reference to a Substance or Medication.</summary>
    public Reference? ItemReference { get; set; }

    /// <summary>Whether the ingredient is active.</summary>
    public bool? IsActive { get; set; }

    /// <summary>Quantity of ingredient present.</summary>
    public Ratio? Strength { get; set; }

    /// <summary>item[x]: CodeableConcept or Reference.</summary>
    [JsonIgnore]
    public ChoiceValue? Item => ChoiceValue.First(codeableConcept: ItemCodeableConcept, reference: ItemReference);
}

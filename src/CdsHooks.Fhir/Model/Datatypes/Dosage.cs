namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Dosage</c>: how a medication is or should be taken. <c>timing</c>, <c>doseAndRate</c> and the other elements stay in <see cref="Element.AdditionalElements"/>.</summary>
public sealed record Dosage : Element
{
    /// <summary>The order of the dosage instructions.</summary>
    public int? Sequence { get; set; }

    /// <summary>Free text dosage instructions.</summary>
    public string? Text { get; set; }

    /// <summary>How the drug should enter the body.</summary>
    public CodeableConcept? Route { get; set; }
}

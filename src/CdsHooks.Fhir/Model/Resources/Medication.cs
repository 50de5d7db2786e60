namespace CdsHooks.Fhir.Model;

/// <summary>FHIR R4 <c>Medication</c>: definition of a medication (often contained in a statement or request).</summary>
public sealed record Medication : DomainResource
{
    /// <summary>The FHIR resource type name, <c>Medication</c>.</summary>
    public const string TypeName = "Medication";

    /// <summary>Creates an empty <c>Medication</c>.</summary>
    public Medication()
        : base(TypeName)
    {
    }

    /// <summary>Business identifiers.</summary>
    public IReadOnlyList<Identifier>? Identifier { get; set; }

    /// <summary>Codes that identify this medication.</summary>
    public CodeableConcept? Code { get; set; }

    /// <summary>active | inactive | entered-in-error.</summary>
    public string? Status { get; set; }

    /// <summary>Powder | tablets | capsule, ...</summary>
    public CodeableConcept? Form { get; set; }

    /// <summary>Amount of drug in package.</summary>
    public Ratio? Amount { get; set; }

    /// <summary>Active or inactive ingredients.</summary>
    public IReadOnlyList<MedicationIngredient>? Ingredient { get; set; }
}

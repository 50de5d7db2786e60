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
    public IReadOnlyList<Identifier>? Identifier { get; init; }

    /// <summary>Codes that identify this medication.</summary>
    public CodeableConcept? Code { get; init; }

    /// <summary>active | inactive | entered-in-error.</summary>
    public string? Status { get; init; }

    /// <summary>Powder | tablets | capsule, ...</summary>
    public CodeableConcept? Form { get; init; }

    /// <summary>Amount of drug in package.</summary>
    public Ratio? Amount { get; init; }

    /// <summary>Active or inactive ingredients.</summary>
    public IReadOnlyList<MedicationIngredient>? Ingredient { get; init; }
}

namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>Where a bound value keeps its codes.</summary>
internal enum CodeShape
{
    /// <summary>A type that carries no code (e.g. a string bound by example).</summary>
    None,

    /// <summary>code, string or uri: the value itself, without a system.</summary>
    Bare,

    /// <summary>Coding or Quantity: its code and system.</summary>
    Coding,

    /// <summary>CodeableConcept: each coding's code and system.</summary>
    Concept,
}

/// <summary>A required or extensible binding the validator checks, with where the value keeps its codes.</summary>
/// <param name="Binding">The binding.</param>
/// <param name="Shape">Where the codes are (from the declared type; SimpleQuantity reads as Quantity).</param>
/// <param name="Core">Its ValueSet's codes when it is one of the specification's, expanded in the base definitions.</param>
internal sealed record BindingPlan(BindingRule Binding, CodeShape Shape, ExpandedValueSet? Core)
{
    /// <summary>The plan for an element's binding, or null when nothing is checked.</summary>
    public static BindingPlan? For(BindingRule? binding, string codeType)
    {
        var bases = BaseDefinitions.R4;
        if (binding is null || binding.Strength is not ("required" or "extensible") || bases.UnexpandedValueSets.Contains(binding.ValueSet))
        {
            return null;
        }

        var shape = codeType switch
        {
            "code" or "string" or "uri" => CodeShape.Bare,
            "Coding" or "Quantity" => CodeShape.Coding,
            "CodeableConcept" => CodeShape.Concept,
            _ => CodeShape.None,
        };
        return shape == CodeShape.None ? null : new BindingPlan(binding, shape, bases.ValueSets.Resolve(binding.ValueSet));
    }
}

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// Stable codes of validation findings, sent in each issue's <c>details.coding</c> (system <see cref="System"/>).
/// A code is never reused with another meaning.
/// </summary>
public static class ValidationIssueCodes
{
    /// <summary>The CodeSystem of these codes (in the conformance package).</summary>
    public const string System = "http://refractorycds.org/fhir/CodeSystem/validation-issue";

    /// <summary>Fewer occurrences than the minimum cardinality.</summary>
    public const string MinCardinality = "FHIR-VAL-001";

    /// <summary>More occurrences than the maximum cardinality.</summary>
    public const string MaxCardinality = "FHIR-VAL-002";

    /// <summary>An array where one value belongs, or a single value where an array belongs (FHIR JSON).</summary>
    public const string ArrayShape = "FHIR-VAL-003";

    /// <summary>An element FHIR R4 does not define here.</summary>
    public const string UnknownElement = "FHIR-VAL-004";

    /// <summary>A choice element (<c>value[x]</c>) of a type the definition or profile does not allow.</summary>
    public const string TypeNotAllowed = "FHIR-VAL-005";

    /// <summary>More than one type of one choice element.</summary>
    public const string MultipleChoiceTypes = "FHIR-VAL-006";

    /// <summary>The wrong JSON type for the element's FHIR type (e.g. a string for an object).</summary>
    public const string WrongJsonType = "FHIR-VAL-007";

    /// <summary>A primitive value that does not match its type's syntax.</summary>
    public const string InvalidPrimitive = "FHIR-VAL-008";

    /// <summary>A value that differs from the profile's fixed value.</summary>
    public const string FixedValue = "FHIR-VAL-009";

    /// <summary>A value that does not contain the profile's pattern.</summary>
    public const string PatternValue = "FHIR-VAL-010";

    /// <summary>No code from the ValueSet of a required binding.</summary>
    public const string RequiredBinding = "FHIR-VAL-011";

    /// <summary>No code from the ValueSet of an extensible binding.</summary>
    public const string ExtensibleBinding = "FHIR-VAL-012";

    /// <summary>An invariant (constraint) does not hold.</summary>
    public const string Invariant = "FHIR-VAL-013";

    /// <summary>A reference to a resource type the element does not allow.</summary>
    public const string ReferenceTarget = "FHIR-VAL-014";

    /// <summary>A resource type the validator has no definition of (not validated).</summary>
    public const string UnknownResourceType = "FHIR-VAL-015";

    /// <summary><c>meta.profile</c> names a profile that is not in the package (not checked).</summary>
    public const string UnknownProfile = "FHIR-VAL-016";

    /// <summary>An element with neither a value nor children (ele-1), or an empty array.</summary>
    public const string EmptyElement = "FHIR-VAL-017";

    /// <summary>A package extension whose value is of a type its definition does not allow.</summary>
    public const string ExtensionValueType = "FHIR-VAL-018";

    /// <summary>A binding's ValueSet is not available, so the code was not checked.</summary>
    public const string ValueSetUnavailable = "FHIR-VAL-019";
}

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// Answers whether a code is in a ValueSet, for the validator's binding checks. The service answers from the
/// conformance package's ValueSets (with its ConceptMaps and site-local codes); a terminology server could answer instead.
/// </summary>
public interface IValueSetMembership
{
    /// <summary>Checks one code.</summary>
    /// <param name="valueSetUrl">The ValueSet's canonical URL, without a version.</param>
    /// <param name="system">The code system; null for a bare <c>code</c> element.</param>
    /// <param name="code">The code.</param>
    /// <returns>Whether it is a member, or that the ValueSet is not known here.</returns>
    CodeMembership Check(string valueSetUrl, string? system, string code);
}

/// <summary>The answer of <see cref="IValueSetMembership.Check"/>.</summary>
public enum CodeMembership
{
    /// <summary>The ValueSet is not known, so the code cannot be checked.</summary>
    UnknownValueSet,

    /// <summary>The code is in the ValueSet.</summary>
    Member,

    /// <summary>The code is not in the ValueSet.</summary>
    NotMember,
}

using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Validation;

namespace CdsHooks.Clinical.Conformance;

/// <summary>
/// Answers the validator's binding checks from the loaded terminology: a code is in a package ValueSet when it is
/// listed (directly, through an included ValueSet or an ICD-10 <c>is-a</c> prefix) or when a ConceptMap or a
/// configured site-local code maps it onto one that is, as the engine itself reads it.
/// </summary>
public sealed class TerminologyMembership(TerminologyCatalog terminology) : IValueSetMembership
{
    /// <inheritdoc/>
    public CodeMembership Check(string valueSetUrl, string? system, string code)
    {
        if (!terminology.TryGet(valueSetUrl, out var valueSet))
        {
            return CodeMembership.UnknownValueSet;
        }

        return system is not null && terminology.Classify(new Coding { System = system, Code = code }).Contains(valueSet.Index)
            ? CodeMembership.Member
            : CodeMembership.NotMember;
    }
}

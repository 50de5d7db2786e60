using System.Text.Json;

namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>An invariant the validator evaluates, with its check looked up once.</summary>
/// <param name="Rule">The constraint as declared.</param>
/// <param name="Check">Its evaluation: (element, resource) to holds.</param>
internal readonly record struct CompiledInvariant(InvariantRule Rule, Func<JsonElement, JsonElement, bool> Check)
{
    /// <summary>The evaluated invariants of a list, in order; those <see cref="Validation.Invariants"/> does not evaluate are left out.</summary>
    public static CompiledInvariant[] Compile(IReadOnlyList<InvariantRule> rules)
    {
        var compiled = new List<CompiledInvariant>(rules.Count);
        foreach (var rule in rules)
        {
            if (Validation.Invariants.TryGetCheck(rule.Key, out var check))
            {
                compiled.Add(new CompiledInvariant(rule, check));
            }
        }

        return [.. compiled];
    }
}

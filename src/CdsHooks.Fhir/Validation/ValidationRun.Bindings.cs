using System.Text.Json;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>Required and extensible bindings: the codes a value carries, checked against the binding's ValueSet.</summary>
internal sealed partial class ValidationRun
{
    private void CheckBinding(JsonElement item, ValuePlan plan)
    {
        if (plan.Binding is not { } bound || HasMember(item, bound))
        {
            return;
        }

        var binding = bound.Binding;
        var codes = CodesOf(item, bound.Shape);
        if (codes.Count == 0)
        {
            // Extensible bindings allow text alone when no code fits (FHIR R4, Terminologies §4.1.1).
            if (binding.Strength == "required")
            {
                Add("error", "code-invalid", ValidationIssueCodes.RequiredBinding, $"{_path.LastName} needs a code from {binding.ValueSet} (required binding), but carries none.");
            }

            return;
        }

        var answers = codes.Select(c => (c.System, c.Code, Answer: Membership(bound, c.System, c.Code))).ToList();
        if (answers.All(a => a.Answer == CodeMembership.UnknownValueSet))
        {
            // The specification's own ValueSets that it does not enumerate (filters, external systems) are not checked.
            if (binding.ValueSet.StartsWith("http://hl7.org/fhir/ValueSet/", StringComparison.Ordinal))
            {
                return;
            }

            Add("warning", "not-supported", ValidationIssueCodes.ValueSetUnavailable, $"The ValueSet {binding.ValueSet} is not available, so the code was not checked.");
            return;
        }

        string found = string.Join(", ", answers.Select(a => a.System is null ? a.Code : $"{a.System}|{a.Code}"));
        if (binding.Strength == "required")
        {
            Add("error", "code-invalid", ValidationIssueCodes.RequiredBinding, $"{found} is not in {binding.ValueSet} (required binding).");
        }
        else
        {
            Add("warning", "code-invalid", ValidationIssueCodes.ExtensibleBinding, $"{found} is not in {binding.ValueSet} (extensible binding): use a code from it where one fits.");
        }
    }

    // Whether some code the value carries is in the ValueSet: the common case, answered without building the code list
    // (and, for the specification's own ValueSets, without reading a string).
    private bool HasMember(JsonElement item, BindingPlan bound)
    {
        switch (bound.Shape)
        {
            case CodeShape.Bare:
                return item.ValueKind == JsonValueKind.String && IsMember(bound, default, item);
            case CodeShape.Coding:
                return item.ValueKind == JsonValueKind.Object && item.TryGetProperty("code"u8, out var code) && code.ValueKind == JsonValueKind.String
                    && IsMember(bound, item.TryGetProperty("system"u8, out var system) ? system : default, code);
            default:
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("coding"u8, out var codings) && codings.ValueKind == JsonValueKind.Array)
                {
                    foreach (var coding in codings.EnumerateArray())
                    {
                        if (coding.ValueKind == JsonValueKind.Object && coding.TryGetProperty("code"u8, out var c) && c.ValueKind == JsonValueKind.String
                            && IsMember(bound, coding.TryGetProperty("system"u8, out var s) ? s : default, c))
                        {
                            return true;
                        }
                    }
                }

                return false;
        }
    }

    // system: Undefined for a bare code; a system that is not a string counts as none, as in CodesOf.
    private bool IsMember(BindingPlan bound, JsonElement system, JsonElement code)
    {
        bool hasSystem = system.ValueKind == JsonValueKind.String;
        if (bound.Core is { } core)
        {
            return core.IsMember(hasSystem ? system : null, code);
        }

        return terminology.Check(bound.Binding.ValueSet, hasSystem ? system.GetString() : null, code.GetString()!) == CodeMembership.Member;
    }

    private CodeMembership Membership(BindingPlan bound, string? system, string code) =>
        bound.Core is not null ? Base.ValueSets.Check(bound.Binding.ValueSet, system, code) : terminology.Check(bound.Binding.ValueSet, system, code);

    // The codes a value carries (a value of the wrong JSON type carries none).
    private static List<(string? System, string Code)> CodesOf(JsonElement item, CodeShape shape)
    {
        var codes = new List<(string?, string)>();
        switch (shape)
        {
            case CodeShape.Bare when item.ValueKind == JsonValueKind.String:
                codes.Add((null, item.GetString()!));
                break;
            case CodeShape.Coding when JsonText.Member(item, "code") is { } code:
                codes.Add((JsonText.Member(item, "system"), code));
                break;
            case CodeShape.Concept when item.ValueKind == JsonValueKind.Object && item.TryGetProperty("coding"u8, out var codings) && codings.ValueKind == JsonValueKind.Array:
                foreach (var coding in codings.EnumerateArray())
                {
                    if (JsonText.Member(coding, "code") is { } c)
                    {
                        codes.Add((JsonText.Member(coding, "system"), c));
                    }
                }

                break;
        }

        return codes;
    }
}

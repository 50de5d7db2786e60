using System.Text.Json;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>Required and extensible bindings: the codes a value carries, checked against the binding's ValueSet.</summary>
internal sealed partial class ValidationRun
{
    private void CheckBinding(JsonElement item, string typeName, string declaredType, BindingRule? binding, string at)
    {
        if (binding is null || binding.Strength is not ("required" or "extensible") || Base.UnexpandedValueSets.Contains(binding.ValueSet))
        {
            return;
        }

        var codes = CodesOf(item, typeName == "SimpleQuantity" ? "Quantity" : declaredType);
        if (codes is null)
        {
            return; // a type that carries no code (e.g. a string bound by example)
        }

        if (codes.Count == 0)
        {
            // Extensible bindings allow text alone when no code fits (FHIR R4, Terminologies §4.1.1).
            if (binding.Strength == "required")
            {
                Add("error", "code-invalid", ValidationIssueCodes.RequiredBinding, $"{Name(at)} needs a code from {binding.ValueSet} (required binding), but carries none.", at);
            }

            return;
        }

        var answers = codes.Select(c => (c.System, c.Code, Answer: Membership(binding.ValueSet, c.System, c.Code))).ToList();
        if (answers.Any(a => a.Answer == CodeMembership.Member))
        {
            return;
        }

        if (answers.All(a => a.Answer == CodeMembership.UnknownValueSet))
        {
            // The specification's own ValueSets that it does not enumerate (filters, external systems) are not checked.
            if (binding.ValueSet.StartsWith("http://hl7.org/fhir/ValueSet/", StringComparison.Ordinal))
            {
                return;
            }

            Add("warning", "not-supported", ValidationIssueCodes.ValueSetUnavailable, $"The ValueSet {binding.ValueSet} is not available, so the code was not checked.", at);
            return;
        }

        string found = string.Join(", ", answers.Select(a => a.System is null ? a.Code : $"{a.System}|{a.Code}"));
        if (binding.Strength == "required")
        {
            Add("error", "code-invalid", ValidationIssueCodes.RequiredBinding, $"{found} is not in {binding.ValueSet} (required binding).", at);
        }
        else
        {
            Add("warning", "code-invalid", ValidationIssueCodes.ExtensibleBinding, $"{found} is not in {binding.ValueSet} (extensible binding): use a code from it where one fits.", at);
        }
    }

    private CodeMembership Membership(string valueSet, string? system, string code) =>
        Base.ValueSets.Contains(valueSet) ? Base.ValueSets.Check(valueSet, system, code) : terminology.Check(valueSet, system, code);

    // The codes a value carries, or null for a type that carries none.
    private static List<(string? System, string Code)>? CodesOf(JsonElement item, string type)
    {
        static string? Str(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        switch (type)
        {
            case "code" or "string" or "uri":
                return item.ValueKind == JsonValueKind.String ? [(null, item.GetString()!)] : [];
            case "Coding" or "Quantity":
                return Str(item, "code") is { } code ? [(Str(item, "system"), code)] : [];
            case "CodeableConcept":
                var codes = new List<(string?, string)>();
                if (item.TryGetProperty("coding", out var codings) && codings.ValueKind == JsonValueKind.Array)
                {
                    foreach (var coding in codings.EnumerateArray())
                    {
                        if (Str(coding, "code") is { } c)
                        {
                            codes.Add((Str(coding, "system"), c));
                        }
                    }
                }

                return codes;
            default:
                return null;
        }
    }
}

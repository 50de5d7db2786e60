using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>Choice elements (<c>value[x]</c>): which type is present, whether it is allowed, and its type slice's rules.</summary>
internal sealed partial class ValidationRun
{
    private void ValidateChoice(ChoicePlan choice, int ordinal, MemberSlot first, List<ExtraVariant>? extra)
    {
        var rule = choice.Rule;
        IReadOnlyList<ExtraVariant> others = extra is null ? Array.Empty<ExtraVariant>() : ExtraVariant.Of(extra, ordinal);
        int count = (first.Variant is null ? 0 : 1) + others.Count;

        _path.Push(rule.Name);
        if (count == 0)
        {
            CheckCardinality(rule, 0, default);
        }

        if (count > 1)
        {
            var names = others.Select(e => e.Variant.Name).Prepend(first.Variant!.Name);
            Add("error", "structure", ValidationIssueCodes.MultipleChoiceTypes, $"{rule.Name} may have one type, but {string.Join(", ", names)} are all present.");
        }

        // A type slice that the profile makes required (value[x]:valueQuantity 1..1).
        foreach (var (type, slice) in choice.RequiredSlices)
        {
            if (first.Variant?.Type != type && !ExtraVariant.HasType(others, type))
            {
                Add("error", "required", ValidationIssueCodes.MinCardinality, $"{choice.Stem}{ChoicePlan.Capitalise(type)} is required{By(slice)} (minimum cardinality {slice.Min}).");
            }
        }

        _path.Pop();
        if (first.Variant is { } variant)
        {
            ValidateVariant(choice, variant, first.Value, first.Shadow);
        }

        for (int k = 0; k < others.Count; k++)
        {
            ValidateVariant(choice, others[k].Variant, others[k].Value, others[k].Shadow);
        }
    }

    private void ValidateVariant(ChoicePlan choice, ChoiceVariant variant, Node value, Node shadow)
    {
        _path.Push(variant.Name);
        if (variant.Allowed is null)
        {
            Add("error", "structure", ValidationIssueCodes.TypeNotAllowed,
                $"{choice.Rule.Name} is a {variant.Type} here, but only {choice.AllowedList} are allowed{By(choice.Rule)}.");
        }
        else if (CheckCardinality(variant.Rule, Count(value, shadow), value.IsPresent ? value : shadow))
        {
            ForEachOccurrence(value, shadow, variant.Plan);
        }

        _path.Pop();
    }
}

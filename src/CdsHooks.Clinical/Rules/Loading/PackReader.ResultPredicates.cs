using CdsHooks.Clinical.Rules.Model;

namespace CdsHooks.Clinical.Rules.Loading;

/// <summary>Readers for the combined-exposure and laboratory-result predicates.</summary>
public static partial class PackReader
{
    private static CombinedTherapyCriterion ReadCombinedTherapy(YamlCursor body)
    {
        body.AllowOnly("valueSet", "with", "atLeast", "continuous", "maxGap", "state", "outcomes");
        var with = body.Strings("with");
        if (with.Count == 0)
        {
            throw body.Error("combinedTherapy needs 'with': the value sets of the therapies given at the same time");
        }

        var state = (body.OptionalString("state") ?? "ever") switch
        {
            "ever" => TherapyState.Ever,
            "active" => TherapyState.Active,
            "ended" => TherapyState.Ended,
            _ => throw body.Get("state").Error("state must be ever, active or ended"),
        };
        var outcomes = body.TryGet("outcomes", out var o) ? o.Items.Select(i => i.Scalar).ToList() : null;
        if (outcomes?.FirstOrDefault(code => !Timeline.TherapyOutcomes.TryParse(code, out _)) is { } bad)
        {
            throw body.Get("outcomes").Error($"'{bad}' is not a therapy-outcome code");
        }

        return new CombinedTherapyCriterion(
            body.String("valueSet"),
            with,
            DurationParameter(body.Get("atLeast")),
            body.TryGet("continuous", out var c) ? BoolParameter(c) : new Parameter<bool>(true, null),
            OptionalDuration(body, "maxGap"),
            state,
            outcomes) { Origin = body.Origin };
    }

    private static TiterCriterion ReadTiter(YamlCursor body)
    {
        body.AllowOnly("valueSet", "within", "comparator", "value");
        return Comparisons.TryParse(body.String("comparator"), out var comparison)
            ? new TiterCriterion(body.String("valueSet"), OptionalDuration(body, "within"), comparison, NumberParameter(body.Get("value"))) { Origin = body.Origin }
            : throw body.Get("comparator").Error("comparator must be <, <=, >, >= or ==");
    }

    private static AbnormalResultCriterion ReadAbnormal(YamlCursor body)
    {
        body.AllowOnly("valueSet", "within", "direction");
        bool high = (body.OptionalString("direction") ?? "high") switch
        {
            "high" => true,
            "low" => false,
            _ => throw body.Get("direction").Error("direction must be high or low"),
        };
        return new AbnormalResultCriterion(body.String("valueSet"), OptionalDuration(body, "within"), high) { Origin = body.Origin };
    }

    private static ComponentCountCriterion ReadComponentCount(YamlCursor body)
    {
        body.AllowOnly("valueSet", "within", "codedIn", "comparator", "count");
        return Comparisons.TryParse(body.String("comparator"), out var comparison)
            ? new ComponentCountCriterion(
                body.String("valueSet"), OptionalDuration(body, "within"), body.String("codedIn"), comparison, NumberParameter(body.Get("count"))) { Origin = body.Origin }
            : throw body.Get("comparator").Error("comparator must be <, <=, >, >= or ==");
    }
}

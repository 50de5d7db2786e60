using System.Globalization;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Terminology;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary><c>abnormal</c>: the latest result against its reference range, or the laboratory's flag.</summary>
internal sealed class AbnormalResultEvaluator(int valueSet, string title, ClinicalDuration? within, bool high) : Evaluator
{
    // HL7 v3 ObservationInterpretation codes. A qualitative positive counts as above the cut-off.
    private static readonly HashSet<string> AboveFlags = new(StringComparer.Ordinal) { "H", "HH", "HU", "H>", "POS", "DET" };
    private static readonly HashSet<string> BelowFlags = new(StringComparer.Ordinal) { "L", "LL", "LU", "L<" };
    private static readonly HashSet<string> NormalFlags = new(StringComparer.Ordinal) { "N" };
    private static readonly HashSet<string> NegativeFlags = new(StringComparer.Ordinal) { "NEG", "ND" };

    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        string side = high ? "above the upper reference limit" : "below the lower reference limit";
        foreach (var (point, time) in timeline.ObservationsSince(within?.Before(timeline.AsOf), p => p.Memberships.Contains(valueSet)))
        {
            if (point.Value is null && point.Interpretation.Count == 0 && point.CodedValue is null && point.ValueText is null)
            {
                continue; // no result at all
            }

            string when = TimelineDates.Day(time);
            if (ByRange(point) is { } byRange)
            {
                return new CriterionResult(byRange.Value, [new Fact(point.Reference, $"{title} {byRange.Shown} ({when})")], []);
            }

            if (ByFlag(point) is { } byFlag)
            {
                return new CriterionResult(byFlag.Value, [new Fact(point.Reference, $"{title} flagged {byFlag.Flag} by the laboratory ({when})")], []);
            }

            return CriterionResult.Unknown($"whether {title} of {when} is {side}: no reference range or interpretation flag ({point.Reference})");
        }

        string window = within is { } w ? $" in the last {w}" : "";
        return CriterionResult.Unknown(timeline.IsMissing("Observation")
            ? $"Observations could not be retrieved, so no {title} result is available"
            : $"no {title} result{window}");
    }

    private (Tri Value, string Shown)? ByRange(ObservationPoint point)
    {
        if (point.Value is not { } value)
        {
            return null;
        }

        foreach (var range in point.ReferenceRanges)
        {
            var bound = high ? range.High : range.Low;
            if (bound?.Value is not { } limit)
            {
                continue;
            }

            // Bring the limit into the result's unit; a unitless limit is taken to share the result's unit.
            string? limitUnit = bound.Code ?? bound.Unit;
            decimal converted = limit;
            if (limitUnit is not null && point.Unit is not null && !UcumUnits.TryConvert(limit, limitUnit, point.Unit, out converted))
            {
                continue;
            }

            var result = ValueRange.FromComparator(value, point.Comparator);
            var tri = result.Compare(high ? Comparison.GreaterThan : Comparison.LessThan, converted);
            string limitText = converted.ToString("0.####", CultureInfo.InvariantCulture);
            string relation = tri switch
            {
                Tri.True => high ? ">" : "<",
                Tri.False => high ? "≤" : "≥",
                _ => "vs",
            };
            return (tri, $"{result} {point.Unit} {relation} {(high ? "upper" : "lower")} limit {limitText}");
        }

        return null;
    }

    private (Tri Value, string Flag)? ByFlag(ObservationPoint point)
    {
        foreach (var concept in point.Interpretation)
        {
            foreach (var coding in concept.Coding ?? [])
            {
                if (coding.Code is not { } code || (coding.System is { } system && system != KnownSystems.ObservationInterpretation))
                {
                    continue;
                }

                bool above = AboveFlags.Contains(code);
                bool below = BelowFlags.Contains(code);
                if (above || below || NormalFlags.Contains(code) || NegativeFlags.Contains(code))
                {
                    return (TriLogic.From(high ? above : below), code);
                }
            }
        }

        return null;
    }
}

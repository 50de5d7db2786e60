using System.Globalization;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary><c>componentCount</c>: counts the components of the latest multi-part observation with a value in a set.</summary>
internal sealed class ComponentCountEvaluator(
    int valueSet, string title, ClinicalDuration? within, int codedValueSet, string codedTitle, Comparison comparison, decimal count) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        foreach (var (point, time) in timeline.ObservationsSince(within?.Before(timeline.AsOf), p => p.Memberships.Contains(valueSet)))
        {
            if (point.Components.Count == 0)
            {
                continue; // a summary without the per-part results cannot be counted
            }

            var matching = point.Components.Where(c => c.HasValue && c.ValueMemberships.Contains(codedValueSet)).ToList();
            int notAssessed = point.Components.Count(c => !c.HasValue);
            var possible = new ValueRange(matching.Count, true, matching.Count + notAssessed, true);
            var value = possible.Compare(comparison, count);
            string parts = matching.Count == 0 ? "none" : string.Join(", ", matching.Select(c => ConceptText.Of(c.Code) ?? "a component"));
            string when = TimelineDates.Day(time);
            var fact = new Fact(point.Reference, $"{title} ({when}): {matching.Count} graded {codedTitle} ({parts})");
            return value == Tri.Unknown
                ? new CriterionResult(Tri.Unknown, [fact], [$"{notAssessed} {title} component(s) of {when} without a value ({point.Reference})"])
                : new CriterionResult(value, [fact], []);
        }

        string window = within is { } w ? $" in the last {w}" : "";
        return CriterionResult.Unknown(timeline.IsMissing("Observation")
            ? $"Observations could not be retrieved, so no {title} result is available"
            : $"no {title} result with per-component values{window} (needed: {comparison.Symbol()} {count.ToString("0", CultureInfo.InvariantCulture)} graded {codedTitle})");
    }
}

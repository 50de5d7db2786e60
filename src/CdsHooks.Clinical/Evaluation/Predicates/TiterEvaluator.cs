using System.Globalization;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary><c>titer</c>: compares the latest titre in a window with a dilution; see <see cref="TiterReading"/>.</summary>
internal sealed class TiterEvaluator(int valueSet, string title, ClinicalDuration? within, Comparison comparison, decimal threshold) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        string wanted = $"{title} {comparison.Symbol()} 1:{threshold.ToString("0.####", CultureInfo.InvariantCulture)}";
        foreach (var (point, time) in timeline.ObservationsSince(within?.Before(timeline.AsOf), p => p.Memberships.Contains(valueSet)))
        {
            if (TiterReading.Read(point) is not { } titer)
            {
                continue; // no value at all (e.g. a data-absent reason): look at the previous result
            }

            string when = TimelineDates.Day(time);
            if (titer.Range is not { } range)
            {
                return CriterionResult.Unknown($"a titre for {title}: the result of {when} is {titer.Shown} ({point.Reference})");
            }

            var value = range.Compare(comparison, threshold);
            var fact = new Fact(point.Reference, $"{title} {titer.Shown} ({when})");
            return value == Tri.Unknown
                ? new CriterionResult(Tri.Unknown, [fact], [$"an exact {title} titre: {titer.Shown} ({when}) does not show whether it is {comparison.Symbol()} 1:{threshold.ToString("0.####", CultureInfo.InvariantCulture)}"])
                : new CriterionResult(value, [fact], []);
        }

        string window = within is { } w ? $" in the last {w}" : "";
        return CriterionResult.Unknown(timeline.IsMissing("Observation")
            ? $"Observations could not be retrieved, so {wanted} cannot be checked"
            : $"no {title} result{window}");
    }
}

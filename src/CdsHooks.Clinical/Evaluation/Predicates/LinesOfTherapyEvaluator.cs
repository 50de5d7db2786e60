using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary><c>linesOfTherapy</c>: counts lines among the episodes of a value set (see <see cref="LineOfTherapy"/>).</summary>
internal sealed class LinesOfTherapyEvaluator(int valueSet, string title, Comparison comparison, decimal count, bool endedOnly) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        var lines = LinesOf(timeline, valueSet);
        int counted = 0;
        var facts = new List<Fact>();
        foreach (var line in lines.GroupBy(e => e.Line!.Value).OrderBy(g => g.Key))
        {
            if (endedOnly && line.Any(e => e.IsActive))
            {
                continue;
            }

            counted++;
            facts.Add(new Fact(line.First().Reference, $"line {line.Key} ({title}): {string.Join(" + ", line.Select(e => e.Label).Distinct())}"));
        }

        bool holds = comparison.Holds(counted, count);
        if (!holds && (timeline.IsMissing("MedicationStatement") || timeline.IsMissing("MedicationRequest")))
        {
            return new CriterionResult(Tri.Unknown, facts, ["medication history could not be retrieved"]);
        }

        return CriterionResult.Of(holds, facts);
    }

    /// <summary>Episodes of the value set, numbered into lines among themselves.</summary>
    internal static IEnumerable<TherapyEpisode> LinesOf(PatientTimeline timeline, int valueSet) =>
        LineOfTherapy.Number(timeline.Episodes.Where(e => e.Memberships.Contains(valueSet)).ToList(), e => e.Start is not null)
            .Where(e => e.Line is not null);
}

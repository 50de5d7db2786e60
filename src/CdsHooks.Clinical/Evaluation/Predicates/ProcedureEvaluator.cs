using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary><c>procedure</c>: a performed procedure in a value set, optionally within a window.</summary>
internal sealed class ProcedureEvaluator(int valueSet, string title, ClinicalDuration? within) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        DateTimeOffset? since = within?.Before(timeline.AsOf);
        List<Fact>? facts = null;
        bool undated = false;
        foreach (var procedure in timeline.Procedures)
        {
            if (!procedure.Memberships.Contains(valueSet) || procedure.Status is not ("completed" or "in-progress" or null))
            {
                continue;
            }

            if (since is { } start)
            {
                if (procedure.Start is not { } performed)
                {
                    undated = true;
                    continue;
                }

                if (performed.UpperBound <= start)
                {
                    continue;
                }
            }

            string when = procedure.Start is { } date ? TimelineDates.Day(date) : "undated";
            (facts ??= []).Add(new Fact(procedure.Reference, $"{title} ({when})"));
        }

        if (facts is not null)
        {
            return new CriterionResult(Tri.True, facts, []);
        }

        if (timeline.IsMissing("Procedure"))
        {
            return CriterionResult.Unknown("Procedures could not be retrieved");
        }

        return undated ? CriterionResult.Unknown($"date of a recorded {title}") : CriterionResult.False;
    }
}

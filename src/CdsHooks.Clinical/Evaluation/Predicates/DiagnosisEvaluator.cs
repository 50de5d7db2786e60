using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary><c>diagnosis</c>: a (current) diagnosis in a value set.</summary>
internal sealed class DiagnosisEvaluator(int valueSet, string title, bool activeOnly) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        List<Fact>? facts = null;
        foreach (var diagnosis in timeline.Diagnoses)
        {
            if (diagnosis.Memberships.Contains(valueSet) && (!activeOnly || diagnosis.IsActive))
            {
                string text = ConceptText.Of(diagnosis.Code) ?? title;
                (facts ??= []).Add(new Fact(diagnosis.Reference, $"diagnosis: {text}"));
            }
        }

        if (facts is not null)
        {
            return new CriterionResult(Tri.True, facts, []);
        }

        return timeline.IsMissing("Condition")
            ? CriterionResult.Unknown($"Conditions could not be retrieved, so '{title}' cannot be checked")
            : CriterionResult.False;
    }
}

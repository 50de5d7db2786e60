using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary><c>age</c>: whole years at the evaluation time; unknown without a birth date to the month.</summary>
internal sealed class AgeEvaluator(Comparison comparison, decimal years) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        if (context.Timeline.AgeInYears is not { } age)
        {
            return CriterionResult.Unknown("patient birth date");
        }

        return CriterionResult.Of(comparison.Holds(age, years), [new Fact("Patient/" + context.Timeline.PatientId, $"age {age} years")]);
    }
}

/// <summary><c>sex</c>: administrative gender; unknown when not recorded or recorded as unknown.</summary>
internal sealed class SexEvaluator(string gender) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        string? recorded = context.Timeline.Gender;
        if (recorded is null or "unknown")
        {
            return CriterionResult.Unknown("patient administrative gender");
        }

        return CriterionResult.Of(recorded == gender, [new Fact("Patient/" + context.Timeline.PatientId, $"gender {recorded}")]);
    }
}

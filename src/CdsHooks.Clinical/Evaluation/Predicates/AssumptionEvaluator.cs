using CdsHooks.Clinical.Logic;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary><c>assumption</c>: a site's boolean policy switch, resolved at startup.</summary>
internal sealed class AssumptionEvaluator(string name, bool value) : Evaluator
{
    private readonly CriterionResult _result = CriterionResult.Of(value, [new Fact("assumption/" + name, $"local policy {name} = {(value ? "true" : "false")}")]);

    public override CriterionResult Evaluate(EvaluationContext context) => _result;
}

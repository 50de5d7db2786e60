using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary>
/// <c>genomicResult</c>: the latest result for one gene. A result is an observation coded as a gene-specific test
/// (e.g. a KRAS mutation test), or a generic variant assessment (HL7 Genomics Reporting: the gene studied sits in a
/// component) whose component names a gene of the set; a generic assessment that names no such gene is about another
/// gene and is ignored. Unknown when there is no result (except for exists).
/// </summary>
internal sealed class GenomicResultEvaluator(
    int? geneSpecificTests,
    int? variantAssessments,
    int? genes,
    string title,
    ClinicalDuration? within,
    int? codedValueSet,
    bool existsOnly) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        foreach (var (point, time) in timeline.ObservationsSince(within?.Before(timeline.AsOf), IsResultForGene))
        {
            string date = TimelineDates.Day(time);
            if (existsOnly)
            {
                return new CriterionResult(Tri.True, [new Fact(point.Reference, $"{title} result on record ({date})")], []);
            }

            if (codedValueSet is { } coded && point.CodedValue is not null)
            {
                string value = ConceptText.Of(point.CodedValue) ?? "coded result";
                return CriterionResult.Of(point.ValueMemberships.Contains(coded), [new Fact(point.Reference, $"{title}: {value} ({date})")]);
            }
        }

        if (timeline.IsMissing("Observation"))
        {
            return CriterionResult.Unknown($"Observations could not be retrieved, so no {title} result is available");
        }

        return existsOnly ? CriterionResult.False
            : CriterionResult.Unknown($"no {title} result{(within is { } w ? $" in the last {w}" : "")}");
    }

    private bool IsResultForGene(ObservationPoint point) =>
        (geneSpecificTests is { } specific && point.Memberships.Contains(specific))
        || (variantAssessments is { } generic && genes is { } gene
            && point.Memberships.Contains(generic) && point.ComponentValueMemberships.Contains(gene));
}

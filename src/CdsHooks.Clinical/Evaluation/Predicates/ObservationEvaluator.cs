using System.Globalization;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary>
/// <c>observation</c>: the latest observation of a value set within a window, compared with a threshold in a given
/// unit (UCUM-converted), or tested for a coded value; or whether one exists at all (with a coded value: whether any
/// result in the window has one in the set).
/// </summary>
internal sealed class ObservationEvaluator(
    int valueSet,
    string title,
    ClinicalDuration? within,
    Comparison? comparison,
    decimal? threshold,
    string? unit,
    int? codedValueSet,
    bool existsOnly) : Evaluator
{
    /// <summary>When set, only observations with a component whose coded value is in this value set count.</summary>
    public int? ComponentValueSet { get; init; }

    /// <summary>The component value set's title, e.g. "EGFR gene", to name the result in card text.</summary>
    public string? ComponentTitle { get; init; }

    private string Title => ComponentTitle is null ? title : $"{title} ({ComponentTitle})";

    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        var matching = timeline.ObservationsSince(within?.Before(timeline.AsOf), point => point.Memberships.Contains(valueSet)
            && (ComponentValueSet is not { } component || point.ComponentValueMemberships.Contains(component)));
        foreach (var (point, _) in matching)
        {
            var decided = Decide(point);
            if (decided is not null)
            {
                return decided;
            }
        }

        if (existsOnly && !timeline.IsMissing("Observation"))
        {
            return CriterionResult.False;
        }

        string window = within is { } w ? $" in the last {w}" : "";
        return CriterionResult.Unknown(timeline.IsMissing("Observation")
            ? $"Observations could not be retrieved, so no {Title} result is available"
            : $"no {Title} result{window}");
    }

    private CriterionResult? Decide(ObservationPoint point)
    {
        if (existsOnly)
        {
            if (codedValueSet is { } wanted)
            {
                // Any result in the window decides, not only the latest: keep looking when this one does not match.
                return point.ValueMemberships.Contains(wanted)
                    ? new CriterionResult(Tri.True, [new Fact(point.Reference, $"{Title}: {ConceptText.Of(point.CodedValue) ?? "coded result"} ({Date(point)})")], [])
                    : null;
            }

            return new CriterionResult(Tri.True, [new Fact(point.Reference, $"{Title} on record ({Date(point)})")], []);
        }

        if (codedValueSet is { } coded)
        {
            if (point.CodedValue is null)
            {
                return null;
            }

            bool inSet = point.ValueMemberships.Contains(coded);
            string value = ConceptText.Of(point.CodedValue) ?? "coded result";
            return CriterionResult.Of(inSet, [new Fact(point.Reference, $"{Title}: {value} ({Date(point)})")]);
        }

        if (point.Value is not { } raw)
        {
            return null;
        }

        decimal value2 = raw;
        if (unit is not null && !UcumUnits.TryConvert(raw, point.Unit, unit, out value2))
        {
            return null; // a unit we cannot convert is not evidence either way
        }

        bool holds = comparison!.Value.Holds(value2, threshold!.Value);
        string shown = unit is null ? raw.ToString(CultureInfo.InvariantCulture) : $"{value2.ToString("0.##", CultureInfo.InvariantCulture)} {unit}";
        return CriterionResult.Of(holds, [new Fact(point.Reference, $"{Title} {shown} ({Date(point)})")]);
    }

    private static string Date(ObservationPoint point) => point.Time is { } time ? TimelineDates.Day(time) : "undated";
}

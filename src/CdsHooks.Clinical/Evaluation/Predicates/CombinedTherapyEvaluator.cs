using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary>
/// <c>combinedTherapy</c>: exposure to a therapy together with background therapies (see <see cref="TherapyOverlap"/>).
/// True when the record proves the exposure; false when even the most generous reading of missing dates and
/// outcomes cannot reach it; unknown in between.
/// </summary>
internal sealed class CombinedTherapyEvaluator(
    int valueSet,
    string title,
    IReadOnlyList<int> with,
    IReadOnlyList<string> withTitles,
    ClinicalDuration atLeast,
    bool continuous,
    ClinicalDuration? maxGap,
    TherapyState state,
    IReadOnlySet<TherapyOutcome>? outcomes) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        var measured = timeline.Episodes.Where(e => e.Memberships.Contains(valueSet)).ToList();
        var background = with.Select(vs => (IReadOnlyList<TherapyEpisode>)timeline.Episodes.Where(e => e.Memberships.Contains(vs)).ToList()).ToList();
        var proven = Assess(measured, background, timeline.AsOf, optimistic: false);
        if (proven.Value == Tri.True)
        {
            return new CriterionResult(Tri.True, proven.Facts, []);
        }

        var possible = Assess(measured, background, timeline.AsOf, optimistic: true);
        bool dataMissing = timeline.IsMissing("MedicationStatement") || timeline.IsMissing("MedicationRequest");
        if (possible.Value == Tri.False && !dataMissing)
        {
            return new CriterionResult(Tri.False, proven.Facts.Count > 0 ? proven.Facts : possible.Facts, []);
        }

        var missing = MissingDates(measured.Concat(background.SelectMany(b => b))).Concat(possible.Missing).Distinct().ToList();
        if (dataMissing)
        {
            missing.Add("medication history could not be retrieved");
        }

        return new CriterionResult(Tri.Unknown, proven.Facts.Count > 0 ? proven.Facts : possible.Facts, missing);
    }

    private (Tri Value, IReadOnlyList<Fact> Facts, IReadOnlyList<string> Missing) Assess(
        IReadOnlyList<TherapyEpisode> measured, IReadOnlyList<IReadOnlyList<TherapyEpisode>> background, DateTimeOffset now, bool optimistic)
    {
        var bridge = maxGap is { } gap ? gap.After(now) - now : TimeSpan.FromDays(1);
        var runs = TherapyOverlap.Runs(measured, background, now, bridge, optimistic)
            .Where(r => state switch
            {
                TherapyState.Active => r.End >= now,
                TherapyState.Ended => r.End < now,
                _ => true,
            })
            .ToList();
        if (runs.Count == 0)
        {
            return (Tri.False, [], []);
        }

        var missing = new List<string>();
        var judged = runs.Select(r => (Run: r, Outcome: OutcomeOf(r, missing))).ToList();
        Tri value;
        TherapyRun shown;
        if (continuous)
        {
            value = judged.Select(j => Long(j.Run.Start, j.Run.End - j.Run.Start) ? j.Outcome : Tri.False).Aggregate(Tri.False, TriLogic.Or);
            shown = judged.Where(j => j.Outcome != Tri.False).Select(j => j.Run).DefaultIfEmpty(runs[^1]).MaxBy(r => r.End - r.Start)!;
        }
        else
        {
            var first = runs[0].Start;
            var sure = judged.Where(j => j.Outcome == Tri.True).Aggregate(TimeSpan.Zero, (sum, j) => sum + j.Run.Covered);
            var maybe = judged.Where(j => j.Outcome != Tri.False).Aggregate(TimeSpan.Zero, (sum, j) => sum + j.Run.Covered);
            value = Long(first, sure) ? Tri.True : Long(first, maybe) ? Tri.Unknown : Tri.False;
            shown = runs[^1];
        }

        return (value, Describe(shown, now), missing);
    }

    private bool Long(DateTimeOffset from, TimeSpan length) =>
        from == DateTimeOffset.MinValue || atLeast.After(from) - from <= length;

    private Tri OutcomeOf(TherapyRun run, List<string> missing)
    {
        if (outcomes is null)
        {
            return Tri.True;
        }

        if (run.Episodes.Any(e => outcomes.Contains(e.Outcome)))
        {
            return Tri.True;
        }

        var unrecorded = run.Episodes.Where(e => e.Outcome == TherapyOutcome.Unknown).ToList();
        missing.AddRange(unrecorded.Select(e => $"outcome of {e.Reference} ({e.Label})"));
        return unrecorded.Count > 0 ? Tri.Unknown : Tri.False;
    }

    private List<Fact> Describe(TherapyRun run, DateTimeOffset now)
    {
        string drugs = string.Join(" + ", run.Episodes.Select(e => e.Label).Distinct());
        string others = run.Background.Count > 0 ? string.Join(" + ", run.Background.Select(e => e.Label).Distinct()) : string.Join(" + ", withTitles);
        string from = run.Start == DateTimeOffset.MinValue ? "an unrecorded date" : Day(run.Start);
        string to = run.End >= now ? "now" : Day(run.End);
        int days = (int)Math.Round((run.End - run.Start).TotalDays);
        string reach = run.Start == DateTimeOffset.MinValue || Long(run.Start, run.End - run.Start)
            ? ""
            : $"; {atLeast} would be reached on {Day(atLeast.After(run.Start))}";
        var facts = new List<Fact>
        {
            new(run.Episodes.Count > 0 ? run.Episodes[0].Reference : "MedicationStatement", $"{(drugs.Length > 0 ? drugs : title)} with {others} from {from} to {to}: {days} days{reach}"),
        };
        facts.AddRange(run.Episodes.Where(e => e.Outcome is not (TherapyOutcome.Ongoing or TherapyOutcome.Unknown))
            .Select(e => new Fact(e.Reference, $"{e.Label}: {e.Outcome.Describe()}")));
        return facts;
    }

    private static string Day(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<string> MissingDates(IEnumerable<TherapyEpisode> episodes)
    {
        foreach (var episode in episodes)
        {
            if (episode.Start is null)
            {
                yield return $"start date of {episode.Reference} ({episode.Label})";
            }
            else if (episode.End is null && !TherapyOverlap.IsRunning(episode))
            {
                yield return $"end date of {episode.Reference} ({episode.Label})";
            }
        }
    }
}

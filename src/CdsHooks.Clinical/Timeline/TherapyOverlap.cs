namespace CdsHooks.Clinical.Timeline;

/// <summary>
/// Finds the periods in which a therapy and every background therapy ran at the same time. Dates missing from the
/// record are filled either pessimistically (an episode without an end lasted no time; one without a start is left
/// out) or optimistically (it ran until now; from the beginning), so that callers can tell a proven exposure from a
/// possible one.
/// </summary>
public static class TherapyOverlap
{
    private readonly record struct Span(DateTimeOffset Start, DateTimeOffset End);

    /// <summary>The runs, oldest first.</summary>
    /// <param name="measured">Episodes of the therapy whose course is measured.</param>
    /// <param name="background">For each background therapy, its episodes; each must run for the time to count.</param>
    /// <param name="now">The evaluation time; nothing counts after it.</param>
    /// <param name="bridge">Gaps up to this long between periods of combined use are bridged.</param>
    /// <param name="optimistic">Whether to fill missing dates in the way that makes the exposure longest.</param>
    public static IReadOnlyList<TherapyRun> Runs(
        IReadOnlyList<TherapyEpisode> measured,
        IReadOnlyList<IReadOnlyList<TherapyEpisode>> background,
        DateTimeOffset now,
        TimeSpan bridge,
        bool optimistic)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(background);
        var overlap = Union(measured, now, optimistic);
        foreach (var episodes in background)
        {
            overlap = Intersect(overlap, Union(episodes, now, optimistic));
        }

        var runs = new List<TherapyRun>();
        int i = 0;
        while (i < overlap.Count)
        {
            var start = overlap[i].Start;
            var end = overlap[i].End;
            var covered = end - start;
            int j = i + 1;
            while (j < overlap.Count && overlap[j].Start - end <= bridge)
            {
                covered += overlap[j].End - overlap[j].Start;
                end = overlap[j].End;
                j++;
            }

            runs.Add(new TherapyRun(
                start,
                end,
                covered,
                measured.Where(e => Within(e, start, end, now, optimistic)).ToList(),
                background.SelectMany(b => b).Where(e => Within(e, start, end, now, optimistic)).Distinct().ToList()));
            i = j;
        }

        return runs;
    }

    /// <summary>Whether the episode is still being given: no end recorded and an active (or paused) status.</summary>
    public static bool IsRunning(TherapyEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return episode.End is null && episode.Status is "active" or "on-hold";
    }

    private static Span? Interval(TherapyEpisode episode, DateTimeOffset now, bool optimistic)
    {
        DateTimeOffset? start = episode.Start?.LowerBound ?? (optimistic ? DateTimeOffset.MinValue : null);
        if (start is not { } from || from > now)
        {
            return null;
        }

        DateTimeOffset to = episode.End?.UpperBound ?? (IsRunning(episode) || optimistic ? now : from);
        return new Span(from, to < now ? to : now);
    }

    private static bool Within(TherapyEpisode episode, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, bool optimistic) =>
        Interval(episode, now, optimistic) is { } span && span.Start <= end && span.End >= start;

    private static List<Span> Union(IEnumerable<TherapyEpisode> episodes, DateTimeOffset now, bool optimistic)
    {
        var merged = new List<Span>();
        foreach (var span in episodes.Select(e => Interval(e, now, optimistic)).OfType<Span>().OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = span.End > last.End ? span.End : last.End };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private static List<Span> Intersect(List<Span> left, List<Span> right)
    {
        var result = new List<Span>();
        int a = 0, b = 0;
        while (a < left.Count && b < right.Count)
        {
            var start = left[a].Start > right[b].Start ? left[a].Start : right[b].Start;
            var end = left[a].End < right[b].End ? left[a].End : right[b].End;
            if (start <= end)
            {
                result.Add(new Span(start, end));
            }

            if (left[a].End < right[b].End)
            {
                a++;
            }
            else
            {
                b++;
            }
        }

        return result;
    }
}

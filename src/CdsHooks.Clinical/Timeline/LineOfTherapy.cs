namespace CdsHooks.Clinical.Timeline;

/// <summary>
/// Numbers lines of therapy. Drugs started within <see cref="CombinationWindowDays"/> of a line's first drug join
/// that line (a combination); a later drug whose mechanism the line already has continues it (maintenance);
/// a later drug with a new mechanism starts the next line. A drug started after the line failed (one of its drugs
/// ended with progression, relapse or non-response) always starts the next line: a rechallenge with the same drug or
/// a cross-line continuation of an immunotherapy is a new line, not maintenance.
/// </summary>
public static class LineOfTherapy
{
    /// <summary>Days after a line's start within which another drug joins it as a combination.</summary>
    public const int CombinationWindowDays = 28;

    /// <summary>The default filter: drug therapies with a known mechanism, except corticosteroids, which are supportive.</summary>
    public static bool DefaultFilter(TherapyEpisode episode) =>
        episode.Source != TherapySource.Procedure
        && episode.Agent?.MechanismClass is { } mechanism
        && mechanism != "corticosteroid";

    /// <summary>Returns the episodes with <see cref="TherapyEpisode.Line"/> set for those the filter accepts.</summary>
    public static IReadOnlyList<TherapyEpisode> Number(IReadOnlyList<TherapyEpisode> episodes, Func<TherapyEpisode, bool> counts)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(counts);
        var result = new TherapyEpisode[episodes.Count];
        int line = 0;
        DateTimeOffset lineStart = default;
        DateTimeOffset? lineFailed = null;
        var lineMechanisms = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < episodes.Count; i++)
        {
            var episode = episodes[i];
            if (!counts(episode) || episode.Start is not { } start)
            {
                result[i] = episode with { Line = null };
                continue;
            }

            string mechanism = episode.Agent?.MechanismClass ?? episode.Label;
            bool afterFailure = lineFailed is { } failed && start.LowerBound >= failed;
            bool joinsLine = line > 0 && !afterFailure
                && (start.LowerBound - lineStart <= TimeSpan.FromDays(CombinationWindowDays) || lineMechanisms.Contains(mechanism));
            if (!joinsLine)
            {
                line++;
                lineStart = start.LowerBound;
                lineFailed = null;
                lineMechanisms.Clear();
            }

            lineMechanisms.Add(mechanism);
            if (episode.Outcome.IsFailure(intoleranceCounts: false) && episode.End is { } end
                && (lineFailed is null || end.LowerBound < lineFailed))
            {
                lineFailed = end.LowerBound;
            }

            result[i] = episode with { Line = line };
        }

        return result;
    }
}

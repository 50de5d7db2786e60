namespace CdsHooks.Clinical.Timeline;

/// <summary>
/// A period during which a therapy ran together with every background therapy asked for (e.g. an immunosuppressant
/// with a glucocorticoid), short gaps bridged.
/// </summary>
/// <param name="Start">When the combination began.</param>
/// <param name="End">When it ended (the evaluation time when it is still running).</param>
/// <param name="Covered">Time actually on the combination, without the bridged gaps.</param>
/// <param name="Episodes">Episodes of the measured therapy that fall in the run.</param>
/// <param name="Background">Episodes of the background therapies that fall in the run.</param>
public sealed record TherapyRun(
    DateTimeOffset Start,
    DateTimeOffset End,
    TimeSpan Covered,
    IReadOnlyList<TherapyEpisode> Episodes,
    IReadOnlyList<TherapyEpisode> Background);

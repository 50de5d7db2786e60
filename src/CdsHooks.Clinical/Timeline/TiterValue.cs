using CdsHooks.Clinical.Logic;

namespace CdsHooks.Clinical.Timeline;

/// <summary>
/// A titre read from an observation, as the reciprocal dilution (1:80 is 80). <see cref="Range"/> is null when the
/// result says something (e.g. "positive", "negative") but not how high the titre is.
/// </summary>
/// <param name="Range">The reciprocal titre, exact or bounded; null when the result gives no titre.</param>
/// <param name="Shown">The result as a human reads it, e.g. "1:320" or "negative (no titre)".</param>
public sealed record TiterValue(ValueRange? Range, string Shown);

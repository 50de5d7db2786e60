using CdsHooks.Clinical.Rules.Model;

namespace CdsHooks.Clinical.Logic;

/// <summary>
/// What a result says about the true value: an exact number, or a bound such as "&lt;40" or "&gt;640".
/// Comparing a range with a threshold is true when every value in it passes, false when none does, else unknown.
/// </summary>
/// <param name="Low">The lower bound, or null when unbounded.</param>
/// <param name="LowInclusive">Whether the lower bound itself is possible.</param>
/// <param name="High">The upper bound, or null when unbounded.</param>
/// <param name="HighInclusive">Whether the upper bound itself is possible.</param>
public readonly record struct ValueRange(decimal? Low, bool LowInclusive, decimal? High, bool HighInclusive)
{
    /// <summary>An exact value.</summary>
    public static ValueRange Exactly(decimal value) => new(value, true, value, true);

    /// <summary>A value written with a FHIR quantity comparator (<c>&lt;</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>&gt;</c>) or none.</summary>
    public static ValueRange FromComparator(decimal value, string? comparator) => comparator switch
    {
        "<" or "＜" => new(null, false, value, false),
        "<=" or "≤" => new(null, false, value, true),
        ">" or "＞" => new(value, false, null, false),
        ">=" or "≥" => new(value, true, null, false),
        _ => Exactly(value),
    };

    /// <summary>Whether every value in the range compares true with the threshold (unknown when only some do).</summary>
    public Tri Compare(Comparison comparison, decimal threshold) => comparison switch
    {
        Comparison.GreaterOrEqual => Decide(all: Low >= threshold, none: BelowOrAt(threshold, includeAt: false)),
        Comparison.GreaterThan => Decide(all: Low > threshold || (Low == threshold && !LowInclusive), none: High <= threshold),
        Comparison.LessOrEqual => Decide(all: High <= threshold, none: AboveOrAt(threshold, includeAt: false)),
        Comparison.LessThan => Decide(all: High < threshold || (High == threshold && !HighInclusive), none: Low >= threshold),
        _ => Decide(all: Low == threshold && High == threshold, none: BelowOrAt(threshold, includeAt: false) || AboveOrAt(threshold, includeAt: false)),
    };

    /// <summary>The range as a short text, e.g. <c>320</c>, <c>&lt;40</c>, <c>&gt;=1280</c>.</summary>
    public override string ToString() => (Low, High) switch
    {
        ({ } l, { } h) when l == h => Text(l),
        (null, { } h) => (HighInclusive ? "<=" : "<") + Text(h),
        ({ } l, null) => (LowInclusive ? ">=" : ">") + Text(l),
        ({ } l, { } h) => Text(l) + "-" + Text(h),
        _ => "any value",
    };

    private static string Text(decimal value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    // Every possible value is below the threshold (or at it, when the bound is exclusive or includeAt is set).
    private bool BelowOrAt(decimal threshold, bool includeAt) =>
        High is { } h && (h < threshold || (h == threshold && (!HighInclusive || includeAt)));

    private bool AboveOrAt(decimal threshold, bool includeAt) =>
        Low is { } l && (l > threshold || (l == threshold && (!LowInclusive || includeAt)));

    private static Tri Decide(bool all, bool none) => all ? Tri.True : none ? Tri.False : Tri.Unknown;
}

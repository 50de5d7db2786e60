using System.Globalization;
using System.Text.RegularExpressions;
using CdsHooks.Clinical.Logic;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Timeline;

/// <summary>
/// Reads a titre from whichever form the laboratory sent it in: a quantity (reciprocal 320, or the fraction 1/320),
/// a ratio (1/320), text ("1:320", "&lt;1:40", "≥1∶1280", "positive 1:160") or a coded answer whose display is such
/// text. Qualitative answers without a titre give a value with no range, so that criteria on them stay unknown.
/// </summary>
public static partial class TiterReading
{
    // Units a titre may carry; any other unit (U/mL, IU/mL) is an immunoassay level, not a titre.
    private static readonly HashSet<string> TiterUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "1", "{titer}", "{titre}", "{ratio}", "{dilution}", "titer", "titre", "ratio",
    };

    /// <summary>The titre of an observation, or null when it carries no value at all.</summary>
    public static TiterValue? Read(ObservationPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.ValueRatio is { } ratio)
        {
            return FromRatio(ratio);
        }

        if (point.Value is { } value)
        {
            return FromQuantity(value, point.Unit, point.Comparator);
        }

        if (point.ValueText is { Length: > 0 } text)
        {
            return FromText(text);
        }

        return point.CodedValue is { } coded && ConceptText.Of(coded) is { } display ? FromText(display) : null;
    }

    /// <summary>Reads a titre written as text; null only for empty text.</summary>
    public static TiterValue? FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        ValueRange? best = null;
        foreach (Match match in DilutionPattern().Matches(text))
        {
            decimal numerator = Number(match.Groups["n"].Value);
            decimal denominator = Number(match.Groups["d"].Value);
            if (numerator <= 0 || denominator <= 0)
            {
                continue;
            }

            // Several patterns may each carry a titre ("1:320 homogeneous, 1:80 speckled"); the highest is the result.
            var range = ValueRange.FromComparator(denominator / numerator, Comparator(match.Groups["cmp"].Value));
            if (best is null || (range.Low ?? 0) > (best.Value.Low ?? 0))
            {
                best = range;
            }
        }

        if (best is { } found)
        {
            return new TiterValue(found, text.Trim());
        }

        if (BareNumberPattern().Match(text) is { Success: true } bare)
        {
            return FromQuantity(Number(bare.Groups["v"].Value), null, Comparator(bare.Groups["cmp"].Value));
        }

        string lowered = text.ToLowerInvariant();
        string kind = NegativePattern().IsMatch(lowered) ? "negative" : PositivePattern().IsMatch(lowered) ? "positive" : "unreadable";
        return new TiterValue(null, $"'{text.Trim()}' ({kind}, no titre)");
    }

    private static TiterValue FromRatio(Ratio ratio)
    {
        decimal numerator = ratio.Numerator?.Value ?? 1;
        if (ratio.Denominator?.Value is not { } denominator || numerator <= 0 || denominator <= 0)
        {
            return new TiterValue(null, "ratio without a dilution");
        }

        // A comparator on the denominator bounds the dilution directly; on the numerator it bounds it inversely.
        string? comparator = ratio.Denominator.Comparator ?? Invert(ratio.Numerator?.Comparator);
        var range = ValueRange.FromComparator(denominator / numerator, comparator);
        return new TiterValue(range, $"{Text(numerator)}:{Text(denominator)}");
    }

    private static TiterValue FromQuantity(decimal value, string? unit, string? comparator)
    {
        if (!TiterUnits.Contains(unit?.Trim() ?? ""))
        {
            return new TiterValue(null, $"{Text(value)} {unit} (an assay level, not a titre)");
        }

        if (value <= 0)
        {
            return new TiterValue(null, $"{Text(value)} (not a dilution)");
        }

        // 0.0125 is the fraction 1/80; 80 is already the reciprocal.
        bool fraction = value < 1;
        decimal reciprocal = fraction ? decimal.Round(1 / value, 2) : value;
        var range = ValueRange.FromComparator(reciprocal, fraction ? Invert(comparator) : comparator);
        return new TiterValue(range, (comparator ?? "") + "1:" + Text(reciprocal));
    }

    private static string? Comparator(string text) => text switch
    {
        "≥" or ">=" or "＞=" => ">=",
        "≤" or "<=" or "＜=" => "<=",
        ">" or "＞" => ">",
        "<" or "＜" => "<",
        _ => null,
    };

    private static string? Invert(string? comparator) => comparator switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => comparator,
    };

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    // "1:320", "1/320", "1∶80" (U+2236, as printed in Chinese reports), "1：80", with an optional comparator in front.
    [GeneratedRegex(@"(?<cmp>[<>＜＞]=?|≤|≥)?\s*(?<n>\d+(?:\.\d+)?)\s*[:/∶：]\s*(?<d>\d+(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex DilutionPattern();

    [GeneratedRegex(@"^\s*(?<cmp>[<>＜＞]=?|≤|≥)?\s*(?<v>\d+(?:\.\d+)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumberPattern();

    [GeneratedRegex(@"\b(neg|negative|not detected|non-?reactive)\b|阴性", RegexOptions.CultureInvariant)]
    private static partial Regex NegativePattern();

    [GeneratedRegex(@"\b(pos|positive|detected|reactive)\b|阳性", RegexOptions.CultureInvariant)]
    private static partial Regex PositivePattern();
}

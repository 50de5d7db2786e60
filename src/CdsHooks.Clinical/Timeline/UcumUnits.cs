using System.Globalization;

namespace CdsHooks.Clinical.Timeline;

/// <summary>
/// Conversion between UCUM units of the same dimension, enough for laboratory results and lesion sizes:
/// metric prefixes on g, L, mol, U, IU, m and counts, powers of ten (<c>10*9/L</c>), one division
/// (<c>mg/dL</c>, <c>ug/g</c>, <c>10*3/uL</c>), and <c>%</c>. Anything else converts only to itself.
/// </summary>
public static class UcumUnits
{
    private static readonly Dictionary<string, decimal> Prefixes = new(StringComparer.Ordinal)
    {
        ["p"] = 1e-12m, ["n"] = 1e-9m, ["u"] = 1e-6m, ["m"] = 1e-3m, ["c"] = 1e-2m, ["d"] = 1e-1m, ["k"] = 1e3m,
    };

    // Longer units first, so that "mol" is a mole, not a milli-"ol"; "m" (metre) last, after "mL" and "mU" are taken.
    private static readonly string[] BaseUnits = ["mol", "g", "L", "IU", "U", "[IU]", "m"];

    /// <summary>Converts <paramref name="value"/> from one unit to another, if both have the same dimension.</summary>
    public static bool TryConvert(decimal value, string? fromUnit, string toUnit, out decimal converted)
    {
        converted = value;
        if (string.IsNullOrWhiteSpace(fromUnit))
        {
            return false;
        }

        if (string.Equals(Normalise(fromUnit), Normalise(toUnit), StringComparison.Ordinal))
        {
            return true;
        }

        if (!TryParse(fromUnit, out var from) || !TryParse(toUnit, out var to) || from.Dimension != to.Dimension)
        {
            return false;
        }

        converted = value * from.Scale / to.Scale;
        return true;
    }

    // Lower-case "l" is a common spelling of litre; the "l" of "mol" is not one.
    private static string Normalise(string unit) =>
        unit.Trim().Replace("µ", "u", StringComparison.Ordinal).Replace("μ", "u", StringComparison.Ordinal)
            .Replace("mcg", "ug", StringComparison.Ordinal).Replace("l", "L", StringComparison.Ordinal)
            .Replace("moL", "mol", StringComparison.Ordinal);

    private static bool TryParse(string unit, out (decimal Scale, string Dimension) parsed)
    {
        parsed = default;
        string text = Normalise(unit);
        if (text == "%")
        {
            parsed = (0.01m, "1");
            return true;
        }

        string[] parts = text.Split('/');
        if (parts.Length > 2)
        {
            return false;
        }

        if (!TryParseTerm(parts[0], out var numerator))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            parsed = numerator;
            return true;
        }

        if (!TryParseTerm(parts[1], out var denominator))
        {
            return false;
        }

        parsed = (numerator.Scale / denominator.Scale, numerator.Dimension + "/" + denominator.Dimension);
        return true;
    }

    private static bool TryParseTerm(string term, out (decimal Scale, string Dimension) parsed)
    {
        parsed = (1m, "1");
        if (term.Length == 0 || term == "1")
        {
            return true;
        }

        decimal scale = 1m;
        string rest = term;
        if (rest.StartsWith("10*", StringComparison.Ordinal) || rest.StartsWith("10^", StringComparison.Ordinal))
        {
            int end = 3;
            while (end < rest.Length && (char.IsAsciiDigit(rest[end]) || (end == 3 && rest[end] == '-')))
            {
                end++;
            }

            if (!int.TryParse(rest.AsSpan(3, end - 3), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int exponent))
            {
                return false;
            }

            scale = Pow10(exponent);
            rest = rest[end..].TrimStart('.');
            if (rest.Length == 0)
            {
                parsed = (scale, "1");
                return true;
            }
        }

        foreach (string baseUnit in BaseUnits)
        {
            if (rest == baseUnit)
            {
                parsed = (scale, baseUnit);
                return true;
            }

            if (rest.Length == baseUnit.Length + 1 && rest.EndsWith(baseUnit, StringComparison.Ordinal)
                && Prefixes.TryGetValue(rest[..1], out decimal prefix))
            {
                parsed = (scale * prefix, baseUnit);
                return true;
            }
        }

        return false;
    }

    private static decimal Pow10(int exponent)
    {
        decimal result = 1m;
        for (int i = 0; i < Math.Abs(exponent); i++)
        {
            result *= 10m;
        }

        return exponent >= 0 ? result : 1m / result;
    }
}

using System.Globalization;
using CdsHooks.Clinical.Rules.Model;

namespace CdsHooks.Clinical.Rules.Loading;

/// <summary>Parsing of assumption values, shared by pack defaults and site overrides.</summary>
internal static class AssumptionValues
{
    public static bool IsValid(AssumptionType type, string value) => type switch
    {
        AssumptionType.Number => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        AssumptionType.Boolean => value is "true" or "false",
        _ => ClinicalDuration.TryParse(value, out _),
    };

    public static decimal Number(string value) => decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool Boolean(string value) => value == "true";

    public static ClinicalDuration Duration(string value) =>
        ClinicalDuration.TryParse(value, out var duration) ? duration : throw new FormatException(value);
}

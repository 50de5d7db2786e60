using System.Text;
using System.Text.RegularExpressions;

namespace CdsHooks.Clinical.Cards;

/// <summary>
/// The placeholders card text may use, and their rendering. Unknown placeholders are rejected when packs load.
/// </summary>
public static partial class CardText
{
    /// <summary>The placeholders, besides <c>{param:&lt;assumption&gt;}</c>.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["failed-mechanisms", "failed-count", "draft-order", "agents"];

    /// <summary>The first placeholder in <paramref name="text"/> that is not known, or null.</summary>
    public static string? FindUnknownPlaceholder(string text, IEnumerable<string> assumptions)
    {
        ArgumentNullException.ThrowIfNull(text);
        var known = assumptions.Select(a => "param:" + a).Concat(Placeholders).ToHashSet(StringComparer.Ordinal);
        foreach (Match match in PlaceholderPattern().Matches(text))
        {
            if (!known.Contains(match.Groups[1].Value))
            {
                return match.Groups[1].Value;
            }
        }

        return null;
    }

    /// <summary>Replaces placeholders with their values.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        return PlaceholderPattern().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
    }

    /// <summary>Cuts a summary to the CDS Hooks limit (under 140 characters) at a word boundary.</summary>
    public static string FitSummary(string summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        const int Limit = 139;
        if (summary.Length <= Limit)
        {
            return summary;
        }

        int cut = summary.LastIndexOf(' ', Limit - 1);
        return new StringBuilder(summary, 0, cut > 80 ? cut : Limit - 1, Limit).Append('…').ToString();
    }

    [GeneratedRegex(@"\{([a-z0-9:\-]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}

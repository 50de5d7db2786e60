using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CdsHooks.Protocol.Prefetch;

/// <summary>
/// Substitutes the <c>{{ }}</c> tokens of a prefetch template (CDS Hooks §Prefetch Template): context fields, user
/// tokens, and the 3.0 date form <c>{{today()}}</c>, <c>{{today() - 90 days}}</c>, <c>{{today() + 7 days}}</c>.
/// Substituted values are URL-escaped. FHIRPath navigation inside tokens (3.0 STU) is not supported and reads as
/// unresolved, as does a token with no value, so the caller treats that prefetch key as unobtainable from the template.
/// </summary>
public static partial class PrefetchTemplate
{
    private const string Open = "{{";
    private const string Close = "}}";

    /// <summary>Resolves every token of <paramref name="template"/>.</summary>
    /// <param name="template">The template, e.g. <c>Observation?patient={{context.patientId}}&amp;date=ge{{today() - 90 days}}</c>.</param>
    /// <param name="tokens">The token values.</param>
    /// <param name="resolved">The query with every token substituted; empty when resolution failed.</param>
    /// <param name="unresolvedToken">The first token (without delimiters) that is unknown or has no value; <c>null</c> on success.</param>
    /// <returns><c>true</c> when every token resolved.</returns>
    public static bool TryResolve(string template, PrefetchTokenContext tokens, out string resolved, [NotNullWhen(false)] out string? unresolvedToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(tokens);
        var builder = new StringBuilder(template.Length + 32);
        int position = 0;
        while (position < template.Length)
        {
            int open = template.IndexOf(Open, position, StringComparison.Ordinal);
            if (open < 0)
            {
                builder.Append(template, position, template.Length - position);
                break;
            }

            builder.Append(template, position, open - position);
            int close = template.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                resolved = string.Empty;
                unresolvedToken = template[open..];
                return false;
            }

            string token = template.Substring(open + Open.Length, close - open - Open.Length).Trim();
            if (!TryResolveToken(token, tokens, out string? value))
            {
                resolved = string.Empty;
                unresolvedToken = token;
                return false;
            }

            builder.Append(Uri.EscapeDataString(value));
            position = close + Close.Length;
        }

        resolved = builder.ToString();
        unresolvedToken = null;
        return true;
    }

    /// <summary>Whether <paramref name="token"/> (without delimiters) is a token form this resolver understands.</summary>
    /// <param name="token">The token text, e.g. <c>context.patientId</c> or <c>today() - 90 days</c>.</param>
    /// <returns><c>true</c> for a context field, a user token or a <c>today()</c> expression.</returns>
    public static bool IsSupportedToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        string trimmed = token.Trim();
        return IsContextField(trimmed, out _) || IsUserToken(trimmed) || TodayPattern().IsMatch(trimmed);
    }

    private static bool TryResolveToken(string token, PrefetchTokenContext tokens, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (IsContextField(token, out string? field))
        {
            if (tokens.ContextFields.TryGetValue(field, out string? fieldValue) && fieldValue.Length > 0)
            {
                value = fieldValue;
                return true;
            }

            return false;
        }

        if (IsUserToken(token))
        {
            if (tokens.TryGetUserToken(token, out string userValue))
            {
                value = userValue;
                return true;
            }

            return false;
        }

        Match today = TodayPattern().Match(token);
        if (today.Success)
        {
            DateOnly date = tokens.Today;
            if (today.Groups["sign"].Success)
            {
                if (!int.TryParse(today.Groups["days"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int days))
                {
                    return false;
                }

                int offset = today.Groups["sign"].ValueSpan[0] == '-' ? -days : days;
                int dayNumber = date.DayNumber + offset;
                if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
                {
                    return false;
                }

                date = DateOnly.FromDayNumber(dayNumber);
            }

            value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }

    private static bool IsContextField(string token, [NotNullWhen(true)] out string? field)
    {
        field = null;
        if (!token.StartsWith(PrefetchTokens.ContextPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        string name = token[PrefetchTokens.ContextPrefix.Length..];
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                // Dots, brackets and function calls are FHIRPath navigation, which only root-level fields may skip.
                return false;
            }
        }

        field = name;
        return true;
    }

    private static bool IsUserToken(string token) => token is PrefetchTokens.UserPractitionerId
        or PrefetchTokens.UserPractitionerRoleId
        or PrefetchTokens.UserPatientId
        or PrefetchTokens.UserRelatedPersonId;

    [GeneratedRegex(@"^today\(\s*\)(?:\s*(?<sign>[+-])\s*(?<days>[0-9]{1,6})\s*days?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TodayPattern();
}

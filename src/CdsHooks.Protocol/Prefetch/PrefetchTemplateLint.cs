using System.Text.RegularExpressions;

namespace CdsHooks.Protocol.Prefetch;

/// <summary>
/// Checks that a prefetch template stays within the CDS Hooks query restrictions: an instance read or a type-level
/// search; token equality, optionally <c>:in</c>, and no other modifier; date prefixes eq/lt/gt/ge/le only;
/// <c>_count</c>, <c>_maxresults</c> and <c>_sort</c> as the only result parameters; no repeated parameter (the CDS Hooks
/// sandbox merges repeats into one comma list, which means OR); and <c>_sort</c>, never the spec example's
/// <c>sort:desc=</c>. Tokens must be forms <see cref="PrefetchTemplate"/> resolves.
/// </summary>
public static partial class PrefetchTemplateLint
{
    private static readonly HashSet<string> AllowedResultParameters = new(StringComparer.Ordinal) { "_count", "_maxresults", "_sort" };

    private static readonly HashSet<string> AllowedUnderscoreSearchParameters = new(StringComparer.Ordinal)
    {
        "_id", "_lastUpdated", "_tag", "_profile", "_security", "_source",
    };

    /// <summary>Lints one template.</summary>
    /// <param name="template">The template as published in discovery.</param>
    /// <returns>The issues; empty when the template is within the restrictions.</returns>
    public static IReadOnlyList<PrefetchLintIssue> Lint(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var issues = new List<PrefetchLintIssue>();
        if (string.IsNullOrWhiteSpace(template))
        {
            issues.Add(Issue(PrefetchLintRules.Empty, "The template is empty."));
            return issues;
        }

        LintTokens(template, issues);

        int question = template.IndexOf('?', StringComparison.Ordinal);
        string path = question < 0 ? template : template[..question];
        string? query = question < 0 ? null : template[(question + 1)..];
        LintPath(path, query is not null, issues);
        if (query is not null)
        {
            LintQuery(query, issues);
        }

        return issues;
    }

    private static void LintTokens(string template, List<PrefetchLintIssue> issues)
    {
        int position = 0;
        while (true)
        {
            int open = template.IndexOf("{{", position, StringComparison.Ordinal);
            int strayClose = template.IndexOf("}}", position, StringComparison.Ordinal);
            if (open < 0)
            {
                if (strayClose >= 0)
                {
                    issues.Add(Issue(PrefetchLintRules.Token, "The template has '}}' without a matching '{{'."));
                }

                return;
            }

            if (strayClose >= 0 && strayClose < open)
            {
                issues.Add(Issue(PrefetchLintRules.Token, "The template has '}}' without a matching '{{'."));
            }

            int close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                issues.Add(Issue(PrefetchLintRules.Token, "The template has '{{' without a matching '}}'."));
                return;
            }

            string token = template[(open + 2)..close];
            if (!PrefetchTemplate.IsSupportedToken(token))
            {
                issues.Add(Issue(
                    PrefetchLintRules.Token,
                    $"The token '{{{{{token.Trim()}}}}}' is not supported: use a root-level context field (context.patientId), a user token (userPractitionerId) or today() ± N days."));
            }

            position = close + 2;
        }
    }

    private static void LintPath(string path, bool hasQuery, List<PrefetchLintIssue> issues)
    {
        string[] segments = path.Split('/');
        bool typeOk = ResourceTypePattern().IsMatch(segments[0]);
        bool valid = segments.Length switch
        {
            1 => typeOk,
            2 => typeOk && !hasQuery && IdPattern().IsMatch(segments[1]),
            _ => false,
        };
        if (!valid)
        {
            issues.Add(Issue(
                PrefetchLintRules.Interaction,
                "A template must be a relative instance read ('Type/id') or a type-level search ('Type?params'); absolute URLs, operations, compartments, history and system-level searches are not allowed."));
        }
    }

    private static void LintQuery(string query, List<PrefetchLintIssue> issues)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string parameter in query.Split('&'))
        {
            if (parameter.Length == 0)
            {
                continue;
            }

            int equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                issues.Add(Issue(PrefetchLintRules.ParameterSyntax, $"The parameter '{parameter}' must have the form name=value."));
                continue;
            }

            string name = parameter[..equals];
            string value = parameter[(equals + 1)..];
            int colon = name.IndexOf(':', StringComparison.Ordinal);
            string baseName = colon < 0 ? name : name[..colon];
            string? modifier = colon < 0 ? null : name[(colon + 1)..];

            if (!seen.Add(name))
            {
                issues.Add(Issue(
                    PrefetchLintRules.RepeatedParameter,
                    $"The parameter '{name}' appears more than once; clients may merge repeats into one comma list (OR). Use one parameter with a comma list, or split the template."));
            }

            if (baseName is "sort")
            {
                issues.Add(Issue(PrefetchLintRules.Sort, $"'{name}=' is not valid FHIR R4 search; use '_sort=-{value}' for descending or '_sort={value}' for ascending."));
                continue;
            }

            if (baseName.Contains('.', StringComparison.Ordinal) || baseName == "_has")
            {
                issues.Add(Issue(PrefetchLintRules.Chaining, $"The parameter '{name}' is chained; chained and reverse-chained parameters are not allowed."));
                continue;
            }

            if (modifier is not null && modifier != "in")
            {
                issues.Add(Issue(PrefetchLintRules.Modifier, $"The modifier ':{modifier}' on '{baseName}' is not allowed; only ':in' is."));
            }

            if (baseName.StartsWith('_')
                && !AllowedResultParameters.Contains(baseName)
                && !AllowedUnderscoreSearchParameters.Contains(baseName))
            {
                issues.Add(Issue(PrefetchLintRules.ResultParameter, $"The parameter '{baseName}' is not allowed; the only result parameters are _count, _maxresults and _sort."));
            }

            foreach (string item in value.Split(','))
            {
                Match prefix = DisallowedDatePrefixPattern().Match(item);
                if (prefix.Success)
                {
                    issues.Add(Issue(PrefetchLintRules.DatePrefix, $"The date prefix '{prefix.Groups["prefix"].Value}' on '{baseName}' is not allowed; use eq, lt, gt, ge or le."));
                }
            }
        }
    }

    private static PrefetchLintIssue Issue(string ruleId, string message) => new() { RuleId = ruleId, Message = message };

    [GeneratedRegex("^[A-Z][A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceTypePattern();

    [GeneratedRegex(@"^(?:\{\{[^{}]+\}\}|[A-Za-z0-9\-.]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>A prefix FHIR defines for dates and numbers that the CDS Hooks restrictions exclude, followed by a date or a token.</summary>
    [GeneratedRegex(@"^(?<prefix>ne|sa|eb|ap)(?=[0-9]{4}|\{\{)", RegexOptions.CultureInvariant)]
    private static partial Regex DisallowedDatePrefixPattern();
}

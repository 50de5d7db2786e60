namespace CdsHooks.Protocol.Prefetch;

/// <summary>The rule ids of <see cref="PrefetchTemplateLint"/> (CDS Hooks §Prefetch query restrictions).</summary>
public static class PrefetchLintRules
{
    /// <summary>The template is empty or blank.</summary>
    public const string Empty = "prefetch-empty";

    /// <summary>The template is not a relative instance read (<c>Type/id</c>) or type-level search (<c>Type?params</c>).</summary>
    public const string Interaction = "prefetch-interaction";

    /// <summary>A parameter is not <c>name=value</c>.</summary>
    public const string ParameterSyntax = "prefetch-parameter-syntax";

    /// <summary>A search modifier other than <c>:in</c> is used.</summary>
    public const string Modifier = "prefetch-modifier";

    /// <summary>A date prefix other than eq, lt, gt, ge or le is used.</summary>
    public const string DatePrefix = "prefetch-date-prefix";

    /// <summary>A search parameter appears more than once (clients may merge repeats into one OR list).</summary>
    public const string RepeatedParameter = "prefetch-repeated-parameter";

    /// <summary><c>sort</c> or <c>sort:desc</c> is used instead of <c>_sort</c>.</summary>
    public const string Sort = "prefetch-sort";

    /// <summary>A chained or reverse-chained parameter is used.</summary>
    public const string Chaining = "prefetch-chaining";

    /// <summary>A result parameter other than <c>_count</c>, <c>_maxresults</c> and <c>_sort</c> is used.</summary>
    public const string ResultParameter = "prefetch-result-parameter";

    /// <summary>A <c>{{ }}</c> token is unbalanced or not a supported token form.</summary>
    public const string Token = "prefetch-token";
}

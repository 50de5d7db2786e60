namespace CdsHooks.Protocol.Validation;

/// <summary>
/// The stable ids of the response self-check rules. Where the CDS Hooks logical models define an invariant the
/// invariant id is used (e.g. <c>cds-resp-6</c>); the other ids name the rule of the narrative they enforce.
/// </summary>
public static class SelfCheckRules
{
    /// <summary>Every card has a non-blank <c>summary</c>.</summary>
    public const string SummaryRequired = "cds-card-summary-required";

    /// <summary>A card's <c>summary</c> is shorter than 140 characters.</summary>
    public const string SummaryLength = "cds-card-summary-length";

    /// <summary>A card's <c>indicator</c> is <c>info</c>, <c>warning</c> or <c>critical</c>.</summary>
    public const string Indicator = "cds-card-indicator";

    /// <summary>A card has a <c>source</c> with a non-blank <c>label</c>.</summary>
    public const string SourceLabel = "cds-card-source-label";

    /// <summary><c>source.url</c> and <c>source.icon</c>, when present, are absolute http(s) URLs.</summary>
    public const string SourceUrl = "cds-card-source-url";

    /// <summary>At most one suggestion <c>isRecommended</c> when <c>selectionBehavior</c> is <c>at-most-one</c>.</summary>
    public const string AtMostOneRecommended = "cds-resp-1";

    /// <summary>A delete action has <c>resourceId</c> and no <c>resource</c>.</summary>
    public const string DeleteAction = "cds-resp-2";

    /// <summary><c>appContext</c> only on <c>smart</c> links.</summary>
    public const string AppContextOnSmartLinks = "cds-resp-3";

    /// <summary>Every override reason has a <c>display</c>.</summary>
    public const string OverrideReasonDisplay = "cds-resp-4";

    /// <summary>Every suggestion action has a <c>description</c>.</summary>
    public const string SuggestionActionDescription = "cds-resp-5";

    /// <summary><c>selectionBehavior</c> is present whenever <c>suggestions</c> are.</summary>
    public const string SelectionBehaviorRequired = "cds-resp-6";

    /// <summary>Every suggestion has a non-blank <c>label</c>.</summary>
    public const string SuggestionLabel = "cds-suggestion-label";

    /// <summary>Create and update actions carry a <c>resource</c> that is a JSON object.</summary>
    public const string ActionResource = "cds-action-resource";

    /// <summary>Every link has a non-blank <c>label</c>.</summary>
    public const string LinkLabel = "cds-link-label";

    /// <summary>Every link <c>url</c> is an absolute http(s) URL.</summary>
    public const string LinkUrl = "cds-link-url";

    /// <summary>Every Coding has a <c>code</c> and a <c>system</c>.</summary>
    public const string CodingRequired = "cds-coding-required";

    /// <summary>An enum-typed field holds one of the spec's values.</summary>
    public const string EnumValue = "cds-enum-value";

    /// <summary>No field is <c>null</c> or empty (<c>""</c>, <c>[]</c>, <c>{}</c>) unless the spec allows it.</summary>
    public const string NoNullOrEmpty = "cds-no-null-or-empty";

    /// <summary>Card and suggestion <c>uuid</c>s are unique within one response.</summary>
    public const string UniqueUuid = "cds-uuid-unique";
}

namespace CdsHooks.Clinical.Rules.Model;

/// <summary>One rule: when its criterion holds for a hook, it produces one card.</summary>
public sealed record RuleDefinition
{
    /// <summary>Stable id, unique across packs (e.g. <c>crohns.refractory-status</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Rule version (semver).</summary>
    public required string Version { get; init; }

    /// <summary>Where it was written (file:line).</summary>
    public required string Origin { get; init; }

    /// <summary>Hooks the rule runs on.</summary>
    public required IReadOnlySet<string> Hooks { get; init; }

    /// <summary>What kind of card it makes.</summary>
    public required CardKind Kind { get; init; }

    /// <summary>The criterion. For refractory-status rules its value is the status.</summary>
    public required Criterion When { get; init; }

    /// <summary>Whether an unknown criterion still shows the card (with what is missing); status rules always do.</summary>
    public bool ShowWhenUnknown { get; init; }

    /// <summary>INNs the card is about (lower case), for regimen and safety cards.</summary>
    public IReadOnlyList<string> Agents { get; init; } = [];

    /// <summary>Labels that the card states plainly: off-label, investigational, general-knowledge.</summary>
    public IReadOnlySet<string> Labels { get; init; } = new HashSet<string>();

    /// <summary>The card to produce.</summary>
    public required CardTemplate Card { get; init; }

    /// <summary>The evidence behind the rule; never empty.</summary>
    public required IReadOnlyList<EvidenceItem> Evidence { get; init; }

    /// <summary>Sort key among cards: lower first (e.g. grade order for regimens).</summary>
    public int Priority { get; init; }
}

/// <summary>A citation: which source, where in it, and what it says, quoted as printed.</summary>
public sealed record EvidenceItem
{
    /// <summary>The pack source id.</summary>
    public required string Source { get; init; }

    /// <summary>The section of the source (e.g. "§4.2 Step 1").</summary>
    public string? Section { get; init; }

    /// <summary>The source's own reference numbers, e.g. "[8]".</summary>
    public string? Reference { get; init; }

    /// <summary>Figures exactly as printed.</summary>
    public IReadOnlyList<string> Figures { get; init; } = [];

    /// <summary>Grade of recommendation, where the source gives one.</summary>
    public string? Grade { get; init; }

    /// <summary>Level of evidence, where the source gives one.</summary>
    public string? Level { get; init; }

    /// <summary>A note on the evidence (e.g. an inconsistency in the paper).</summary>
    public string? Note { get; init; }
}

/// <summary>The card a rule produces; text may use placeholders such as <c>{failed-mechanisms}</c>.</summary>
public sealed record CardTemplate
{
    /// <summary>Indicator when the criterion holds.</summary>
    public required string Indicator { get; init; }

    /// <summary>Summary template (rendered text must stay under 140 characters).</summary>
    public required string Summary { get; init; }

    /// <summary>Markdown detail template.</summary>
    public string? Detail { get; init; }

    /// <summary>For status rules: the card when data are insufficient.</summary>
    public StatusVariant? InsufficientData { get; init; }

    /// <summary>For status rules: the card when not refractory (shown only where a site enables it).</summary>
    public StatusVariant? NotRefractory { get; init; }

    /// <summary>Suggestions.</summary>
    public IReadOnlyList<SuggestionTemplate> Suggestions { get; init; } = [];

    /// <summary><c>at-most-one</c> or <c>any</c>; defaults to <c>at-most-one</c>.</summary>
    public string SelectionBehavior { get; init; } = "at-most-one";

    /// <summary>Links.</summary>
    public IReadOnlyList<LinkTemplate> Links { get; init; } = [];

    /// <summary>Whether the card offers the standard override reasons.</summary>
    public bool OverrideReasons { get; init; }
}

/// <summary>Alternative summary/detail for a status outcome.</summary>
public sealed record StatusVariant(string Indicator, string Summary, string? Detail);

/// <summary>A suggestion: a label and the actions accepting it performs.</summary>
public sealed record SuggestionTemplate(string Label, bool IsRecommended, IReadOnlyList<ActionTemplate> Actions);

/// <summary>What an action does.</summary>
public enum ActionKind
{
    /// <summary>Create a ServiceRequest coded from a value set (a test to fill a data gap).</summary>
    CreateServiceRequest,

    /// <summary>Create a MedicationRequest for a drug from a value set.</summary>
    CreateMedicationRequest,

    /// <summary>Delete the draft order that triggered the rule.</summary>
    DeleteTriggeringOrder,
}

/// <summary>An action template; resources are built at evaluation time, never written raw in packs.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Description">Action description (required by CDS Hooks).</param>
/// <param name="ValueSet">The value set whose first code codes the new resource.</param>
/// <param name="Text">Text for the resource's code.</param>
public sealed record ActionTemplate(ActionKind Kind, string Description, string? ValueSet, string? Text);

/// <summary>A link to show on the card.</summary>
public sealed record LinkTemplate(string Label, Uri Url, string Type, string? AppContext);

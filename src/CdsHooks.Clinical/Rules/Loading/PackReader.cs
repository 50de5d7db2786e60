using System.Globalization;
using CdsHooks.Clinical.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CdsHooks.Clinical.Rules.Loading;

/// <summary>
/// Reads one pack file (YAML; JSON is valid YAML) into a <see cref="KnowledgePack"/>, checking its structure.
/// References to value sets and assumptions are checked later, when the pack is compiled.
/// </summary>
public static partial class PackReader
{
    internal static readonly string[] KnownHooks = ["patient-view", "order-select", "order-sign", "encounter-start"];
    private static readonly string[] Indicators = ["info", "warning", "critical"];

    /// <summary>Parses pack text; <paramref name="file"/> is used in error messages.</summary>
    public static KnowledgePack Read(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new PackLoadException(file, (int)ex.Start.Line, null, "not valid YAML: " + ex.InnerException?.Message ?? ex.Message);
        }

        if (stream.Documents.Count != 1)
        {
            throw new PackLoadException(file, 1, null, "a pack file holds exactly one YAML document");
        }

        var root = new YamlCursor(stream.Documents[0].RootNode, file, null);
        root.AllowOnly("id", "version", "title", "description", "sources", "scope", "assumptions", "definitions", "rules");
        var sources = root.Get("sources").Entries.ToDictionary(e => e.Key, e => ReadSource(e.Key, e.Value), StringComparer.Ordinal);
        var assumptions = root.TryGet("assumptions", out var a) ? a.Entries.Select(e => ReadAssumption(e.Key, e.Value)).ToList() : [];
        var definitions = root.TryGet("definitions", out var d)
            ? d.Entries.ToDictionary(e => e.Key, e => ReadCriterion(e.Value), StringComparer.Ordinal)
            : new Dictionary<string, Criterion>(StringComparer.Ordinal);
        var rules = root.Get("rules").Items.Select(r => ReadRule(r, sources)).ToList();
        return new KnowledgePack
        {
            Id = root.String("id"),
            Version = root.String("version"),
            Title = root.String("title"),
            File = file,
            Sources = sources,
            Scope = ReadCriterion(root.Get("scope")),
            Assumptions = assumptions,
            Definitions = definitions,
            Rules = rules,
        };
    }

    private static SourceDocument ReadSource(string id, YamlCursor node)
    {
        node.AllowOnly("label", "citation", "url", "generalKnowledge");
        string? url = node.OptionalString("url");
        return new SourceDocument
        {
            Id = id,
            Label = node.String("label"),
            Citation = node.OptionalString("citation"),
            Url = url is null ? null
                : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw node.Get("url").Error("url must be absolute"),
            IsGeneralKnowledge = node.Bool("generalKnowledge", false),
        };
    }

    private static AssumptionDefinition ReadAssumption(string name, YamlCursor node)
    {
        node.AllowOnly("type", "default", "description");
        string typeText = node.String("type");
        var type = typeText switch
        {
            "number" => AssumptionType.Number,
            "boolean" => AssumptionType.Boolean,
            "duration" => AssumptionType.Duration,
            _ => throw node.Get("type").Error($"assumption type '{typeText}' is not one of number, boolean, duration"),
        };
        string value = node.String("default");
        if (!AssumptionValues.IsValid(type, value))
        {
            throw node.Get("default").Error($"default '{value}' is not a valid {typeText}");
        }

        return new AssumptionDefinition { Name = name, Type = type, Default = value, Description = node.String("description") };
    }

    private static RuleDefinition ReadRule(YamlCursor node, Dictionary<string, SourceDocument> sources)
    {
        string id = node.String("id");
        node = node with { RuleId = id };
        node.AllowOnly("id", "version", "hooks", "kind", "when", "showWhenUnknown", "agents", "labels", "card", "evidence", "priority");
        var hooks = node.Strings("hooks");
        foreach (string hook in hooks)
        {
            if (!KnownHooks.Contains(hook, StringComparer.Ordinal))
            {
                throw node.Get("hooks").Error($"unknown hook '{hook}'; known hooks: {string.Join(", ", KnownHooks)}");
            }
        }

        if (hooks.Count == 0)
        {
            throw node.Error("a rule needs at least one hook");
        }

        string kindText = node.String("kind");
        if (!CardKinds.TryParse(kindText, out var kind))
        {
            throw node.Get("kind").Error($"unknown kind '{kindText}'; use refractory-status, regimen, safety, data-gap or not-recommended");
        }

        var agents = node.Strings("agents");
        if (agents.FirstOrDefault(a => a.Any(char.IsUpper)) is { } upper)
        {
            throw node.Get("agents").Error($"agent '{upper}' must be an INN in lower case");
        }

        var evidence = node.TryGet("evidence", out var e) ? e.Items.Select(i => ReadEvidence(i, sources)).ToList() : [];
        if (evidence.Count == 0)
        {
            throw node.Error("every rule needs evidence: cite the source section and reference");
        }

        return new RuleDefinition
        {
            Id = id,
            Version = node.String("version"),
            Origin = node.Origin,
            Hooks = hooks.ToHashSet(StringComparer.Ordinal),
            Kind = kind,
            When = ReadCriterion(node.Get("when")),
            ShowWhenUnknown = node.Bool("showWhenUnknown", kind == CardKind.RefractoryStatus),
            Agents = agents,
            Labels = node.Strings("labels").ToHashSet(StringComparer.Ordinal),
            Card = ReadCard(node.Get("card"), kind),
            Evidence = evidence,
            Priority = node.TryGet("priority", out var p) ? ParseInt(p) : 100,
        };
    }

    private static EvidenceItem ReadEvidence(YamlCursor node, Dictionary<string, SourceDocument> sources)
    {
        node.AllowOnly("source", "section", "reference", "figures", "grade", "level", "note");
        string source = node.String("source");
        if (!sources.ContainsKey(source))
        {
            throw node.Get("source").Error($"source '{source}' is not declared under 'sources'");
        }

        return new EvidenceItem
        {
            Source = source,
            Section = node.OptionalString("section"),
            Reference = node.OptionalString("reference"),
            Figures = node.Strings("figures"),
            Grade = node.OptionalString("grade"),
            Level = node.OptionalString("level"),
            Note = node.OptionalString("note"),
        };
    }

    private static CardTemplate ReadCard(YamlCursor node, CardKind kind)
    {
        node.AllowOnly("indicator", "summary", "detail", "insufficientData", "notRefractory", "suggestions", "selectionBehavior", "links", "overrideReasons");
        if (kind != CardKind.RefractoryStatus && (node.TryGet("insufficientData", out _) || node.TryGet("notRefractory", out _)))
        {
            throw node.Error("insufficientData and notRefractory belong to refractory-status rules only");
        }

        string selection = node.OptionalString("selectionBehavior") ?? "at-most-one";
        if (selection is not ("at-most-one" or "any"))
        {
            throw node.Get("selectionBehavior").Error("selectionBehavior must be at-most-one or any");
        }

        return new CardTemplate
        {
            Indicator = Indicator(node),
            Summary = node.String("summary"),
            Detail = node.OptionalString("detail"),
            InsufficientData = node.TryGet("insufficientData", out var i) ? ReadVariant(i) : null,
            NotRefractory = node.TryGet("notRefractory", out var n) ? ReadVariant(n) : null,
            Suggestions = node.TryGet("suggestions", out var s) ? s.Items.Select(ReadSuggestion).ToList() : [],
            SelectionBehavior = selection,
            Links = node.TryGet("links", out var l) ? l.Items.Select(ReadLink).ToList() : [],
            OverrideReasons = node.Bool("overrideReasons", false),
        };
    }

    private static StatusVariant ReadVariant(YamlCursor node)
    {
        node.AllowOnly("indicator", "summary", "detail");
        return new StatusVariant(Indicator(node), node.String("summary"), node.OptionalString("detail"));
    }

    private static string Indicator(YamlCursor node)
    {
        string indicator = node.String("indicator");
        return Indicators.Contains(indicator, StringComparer.Ordinal)
            ? indicator
            : throw node.Get("indicator").Error($"indicator '{indicator}' must be info, warning or critical");
    }

    private static SuggestionTemplate ReadSuggestion(YamlCursor node)
    {
        node.AllowOnly("label", "recommended", "actions");
        var actions = node.Get("actions").Items.Select(ReadAction).ToList();
        return new SuggestionTemplate(node.String("label"), node.Bool("recommended", false), actions);
    }

    private static ActionTemplate ReadAction(YamlCursor node)
    {
        var (key, body) = node.Entries.Single();
        body.AllowOnly("valueSet", "text", "description");
        var kind = key switch
        {
            "createServiceRequest" => ActionKind.CreateServiceRequest,
            "createMedicationRequest" => ActionKind.CreateMedicationRequest,
            "deleteTriggeringOrder" => ActionKind.DeleteTriggeringOrder,
            _ => throw node.Error($"unknown action '{key}'; use createServiceRequest, createMedicationRequest or deleteTriggeringOrder"),
        };
        string? valueSet = body.OptionalString("valueSet");
        if (kind != ActionKind.DeleteTriggeringOrder && valueSet is null)
        {
            throw body.Error($"{key} needs a valueSet that codes the new resource");
        }

        return new ActionTemplate(kind, body.String("description"), valueSet, body.OptionalString("text"));
    }

    private static LinkTemplate ReadLink(YamlCursor node)
    {
        node.AllowOnly("label", "url", "type", "appContext");
        string type = node.OptionalString("type") ?? "absolute";
        if (type is not ("absolute" or "smart"))
        {
            throw node.Get("type").Error("link type must be absolute or smart");
        }

        string? appContext = node.OptionalString("appContext");
        if (appContext is not null && type != "smart")
        {
            throw node.Get("appContext").Error("appContext is only valid on smart links (cds-resp-3)");
        }

        return Uri.TryCreate(node.String("url"), UriKind.Absolute, out var url)
            ? new LinkTemplate(node.String("label"), url, type, appContext)
            : throw node.Get("url").Error("link url must be absolute");
    }

    /// <summary>Reads a criterion: a mapping with exactly one predicate key.</summary>
    internal static Criterion ReadCriterion(YamlCursor node)
    {
        var entries = node.Entries.ToList();
        if (entries.Count != 1)
        {
            throw node.Error("a criterion is a mapping with exactly one predicate, e.g. 'diagnosis: crohns-disease'");
        }

        var (name, body) = entries[0];
        string origin = body.Origin;
        return name switch
        {
            "all" => new AllCriterion(body.Items.Select(ReadCriterion).ToList()) { Origin = origin },
            "any" => new AnyCriterion(body.Items.Select(ReadCriterion).ToList()) { Origin = origin },
            "not" => new NotCriterion(ReadCriterion(body)) { Origin = origin },
            "ref" => new RefCriterion(body.Scalar) { Origin = origin },
            "diagnosis" => body.IsScalar
                ? new DiagnosisCriterion(body.Scalar, true) { Origin = origin }
                : ReadDiagnosis(body),
            "failedMechanisms" => ReadFailedMechanisms(body),
            "therapy" => ReadTherapy(body),
            "observation" => ReadObservation(body),
            "procedure" => body.IsScalar
                ? new ProcedureCriterion(body.Scalar, null) { Origin = origin }
                : ReadProcedure(body),
            "age" => ReadAge(body),
            "sex" => body.Scalar is "female" or "male"
                ? new SexCriterion(body.Scalar) { Origin = origin }
                : throw body.Error("sex must be female or male"),
            "draftOrder" => body.IsScalar
                ? new DraftOrderCriterion(body.Scalar, false) { Origin = origin }
                : ReadDraftOrder(body),
            "timeSince" => ReadTimeSince(body),
            "concurrentMechanisms" => ReadConcurrent(body),
            "linesOfTherapy" => ReadLines(body),
            "interval" => ReadInterval(body),
            "assumption" => new AssumptionCriterion(body.Scalar) { Origin = origin },
            "combinedTherapy" => ReadCombinedTherapy(body),
            "titer" => ReadTiter(body),
            "abnormal" => ReadAbnormal(body),
            "componentCount" => ReadComponentCount(body),
            "genomicResult" => ReadGenomicResult(body),
            _ => throw node.Error($"unknown predicate '{name}'; known predicates: all, any, not, ref, diagnosis, failedMechanisms, therapy, observation, procedure, age, sex, draftOrder, timeSince, concurrentMechanisms, linesOfTherapy, interval, assumption, combinedTherapy, titer, abnormal, componentCount, genomicResult"),
        };
    }

    private static DiagnosisCriterion ReadDiagnosis(YamlCursor body)
    {
        body.AllowOnly("valueSet", "activeOnly");
        return new DiagnosisCriterion(body.String("valueSet"), body.Bool("activeOnly", true)) { Origin = body.Origin };
    }

    private static DraftOrderCriterion ReadDraftOrder(YamlCursor body)
    {
        body.AllowOnly("valueSet", "stopping");
        return new DraftOrderCriterion(body.String("valueSet"), body.Bool("stopping", false)) { Origin = body.Origin };
    }

    private static FailedMechanismsCriterion ReadFailedMechanisms(YamlCursor body)
    {
        body.AllowOnly("valueSet", "atLeast", "intoleranceCounts");
        return new FailedMechanismsCriterion(
            body.String("valueSet"),
            NumberParameter(body.Get("atLeast")),
            body.TryGet("intoleranceCounts", out var i) ? BoolParameter(i) : new Parameter<bool>(true, null)) { Origin = body.Origin };
    }

    private static TherapyCriterion ReadTherapy(YamlCursor body)
    {
        body.AllowOnly("valueSet", "state", "outcomes", "startedWithin", "startedBefore", "lastedAtLeast", "sinceDiagnosis");
        string stateText = body.OptionalString("state") ?? "ever";
        var state = stateText switch
        {
            "ever" => TherapyState.Ever,
            "active" => TherapyState.Active,
            "ended" => TherapyState.Ended,
            "running" => TherapyState.Running,
            _ => throw body.Get("state").Error("state must be ever, active, running or ended"),
        };
        var outcomes = body.TryGet("outcomes", out var o) ? o.Items.Select(i => i.Scalar).ToList() : null;
        foreach (string outcome in outcomes ?? [])
        {
            if (!Timeline.TherapyOutcomes.TryParse(outcome, out _))
            {
                throw body.Get("outcomes").Error($"'{outcome}' is not a therapy-outcome code");
            }
        }

        return new TherapyCriterion(
            body.String("valueSet"),
            state,
            outcomes,
            OptionalDuration(body, "startedWithin"),
            OptionalDuration(body, "startedBefore"),
            OptionalDuration(body, "lastedAtLeast")) { Origin = body.Origin, SinceDiagnosis = body.OptionalString("sinceDiagnosis") };
    }

    private static GenomicResultCriterion ReadGenomicResult(YamlCursor body)
    {
        body.AllowOnly("valueSet", "variantAssessment", "gene", "within", "codedIn", "exists");
        string? specific = body.OptionalString("valueSet");
        string? generic = body.OptionalString("variantAssessment");
        string? gene = body.OptionalString("gene");
        if ((generic is null) != (gene is null))
        {
            throw body.Error("variantAssessment and gene go together: a generic variant assessment counts only for the gene its component names");
        }

        if (specific is null && generic is null)
        {
            throw body.Error("genomicResult needs valueSet (gene-specific tests), or variantAssessment with gene, or both");
        }

        bool exists = body.Bool("exists", false);
        string? coded = body.OptionalString("codedIn");
        if (exists == (coded is not null))
        {
            throw body.Error("a genomicResult criterion needs exactly one of: exists: true; codedIn: <value set>");
        }

        return new GenomicResultCriterion(specific, generic, gene, OptionalDuration(body, "within"), coded, exists) { Origin = body.Origin };
    }

    private static ObservationCriterion ReadObservation(YamlCursor body)
    {
        body.AllowOnly("valueSet", "within", "comparator", "value", "unit", "codedIn", "exists", "componentIn");
        bool exists = body.Bool("exists", false);
        string? comparatorText = body.OptionalString("comparator");
        Comparison? comparison = null;
        if (comparatorText is not null)
        {
            comparison = Comparisons.TryParse(comparatorText, out var parsed)
                ? parsed
                : throw body.Get("comparator").Error("comparator must be <, <=, >, >= or ==");
        }

        var value = body.TryGet("value", out var v) ? NumberParameter(v) : null;
        string? coded = body.OptionalString("codedIn");
        // exists: true may be combined with codedIn: "any result in the window has a coded value in the set".
        int modes = (exists ? 1 : 0) + (coded is null || exists ? 0 : 1) + (comparison is null ? 0 : 1);
        if (modes != 1 || (comparison is null) != (value is null))
        {
            throw body.Error("an observation criterion needs exactly one of: exists: true (optionally with codedIn); codedIn: <value set>; comparator with value");
        }

        return new ObservationCriterion(
            body.String("valueSet"), OptionalDuration(body, "within"), comparison, value, body.OptionalString("unit"), coded, exists)
        {
            Origin = body.Origin,
            ComponentValueSet = body.OptionalString("componentIn"),
        };
    }

    private static ProcedureCriterion ReadProcedure(YamlCursor body)
    {
        body.AllowOnly("valueSet", "within");
        return new ProcedureCriterion(body.String("valueSet"), OptionalDuration(body, "within")) { Origin = body.Origin };
    }

    private static AgeCriterion ReadAge(YamlCursor body)
    {
        body.AllowOnly("comparator", "years");
        return Comparisons.TryParse(body.String("comparator"), out var comparison)
            ? new AgeCriterion(comparison, NumberParameter(body.Get("years"))) { Origin = body.Origin }
            : throw body.Get("comparator").Error("comparator must be <, <=, >, >= or ==");
    }

    private static TimeSinceCriterion ReadTimeSince(YamlCursor body)
    {
        body.AllowOnly("therapy", "diagnosis", "procedure", "observation", "edge", "comparator", "span");
        string[] eventTypes = ["therapy", "diagnosis", "procedure", "observation"];
        var present = eventTypes.Where(t => body.TryGet(t, out _)).ToList();
        if (present.Count != 1)
        {
            throw body.Error("timeSince needs exactly one event: therapy, diagnosis, procedure or observation (a value set)");
        }

        var edge = (body.OptionalString("edge") ?? "start") switch
        {
            "start" => EventEdge.Start,
            "end" => EventEdge.End,
            _ => throw body.Get("edge").Error("edge must be start or end"),
        };
        return Comparisons.TryParse(body.String("comparator"), out var comparison)
            ? new TimeSinceCriterion(present[0], body.String(present[0]), edge, comparison, DurationParameter(body.Get("span"))) { Origin = body.Origin }
            : throw body.Get("comparator").Error("comparator must be <, <=, >, >= or ==");
    }

    private static ConcurrentMechanismsCriterion ReadConcurrent(YamlCursor body)
    {
        body.AllowOnly("valueSet", "atLeast", "includeDraftOrders");
        return new ConcurrentMechanismsCriterion(
            body.String("valueSet"), NumberParameter(body.Get("atLeast")), body.Bool("includeDraftOrders", false)) { Origin = body.Origin };
    }

    private static LinesOfTherapyCriterion ReadLines(YamlCursor body)
    {
        body.AllowOnly("valueSet", "comparator", "count", "endedOnly");
        return Comparisons.TryParse(body.String("comparator"), out var comparison)
            ? new LinesOfTherapyCriterion(body.String("valueSet"), comparison, NumberParameter(body.Get("count")), body.Bool("endedOnly", false)) { Origin = body.Origin }
            : throw body.Get("comparator").Error("comparator must be <, <=, >, >= or ==");
    }

    private static IntervalCriterion ReadInterval(YamlCursor body)
    {
        body.AllowOnly("from", "to", "comparator", "span");
        return Comparisons.TryParse(body.String("comparator"), out var comparison)
            ? new IntervalCriterion(ReadEvent(body.Get("from")), ReadEvent(body.Get("to")), comparison, DurationParameter(body.Get("span"))) { Origin = body.Origin }
            : throw body.Get("comparator").Error("comparator must be <, <=, >, >= or ==");
    }

    private static EventSelector ReadEvent(YamlCursor node)
    {
        node.AllowOnly("therapy", "diagnosis", "procedure", "observation", "edge", "line", "codedIn");
        string[] eventTypes = ["therapy", "diagnosis", "procedure", "observation"];
        var present = eventTypes.Where(t => node.TryGet(t, out _)).ToList();
        if (present.Count != 1)
        {
            throw node.Error("an event names exactly one of therapy, diagnosis, procedure or observation (a value set)");
        }

        var edge = (node.OptionalString("edge") ?? "start") switch
        {
            "start" => EventEdge.Start,
            "end" => EventEdge.End,
            _ => throw node.Get("edge").Error("edge must be start or end"),
        };
        int? line = node.TryGet("line", out var l) ? ParseInt(l) : null;
        if (line is not null && present[0] != "therapy")
        {
            throw node.Get("line").Error("line applies to therapy events only");
        }

        string? coded = node.OptionalString("codedIn");
        if (coded is not null && present[0] != "observation")
        {
            throw node.Get("codedIn").Error("codedIn applies to observation events only");
        }

        return new EventSelector(present[0], node.String(present[0]), edge, line, coded);
    }

    private static Parameter<ClinicalDuration>? OptionalDuration(YamlCursor body, string key) =>
        body.TryGet(key, out var value) ? DurationParameter(value) : null;

    private static Parameter<ClinicalDuration> DurationParameter(YamlCursor node) =>
        node.Scalar.StartsWith('$') ? new(default, node.Scalar[1..])
        : ClinicalDuration.TryParse(node.Scalar, out var duration) ? new(duration, null)
        : throw node.Error($"'{node.Scalar}' is not a duration such as P90D, P14W, P6M or P1Y (or a $assumption)");

    private static Parameter<decimal> NumberParameter(YamlCursor node) =>
        node.Scalar.StartsWith('$') ? new(0m, node.Scalar[1..])
        : decimal.TryParse(node.Scalar, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? new(number, null)
        : throw node.Error($"'{node.Scalar}' is not a number (or a $assumption)");

    private static Parameter<bool> BoolParameter(YamlCursor node) =>
        node.Scalar.StartsWith('$') ? new(false, node.Scalar[1..])
        : node.Scalar is "true" or "false" ? new(node.Scalar == "true", null)
        : throw node.Error($"'{node.Scalar}' is not true or false (or a $assumption)");

    private static int ParseInt(YamlCursor node) =>
        int.TryParse(node.Scalar, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value : throw node.Error("priority must be a whole number");
}

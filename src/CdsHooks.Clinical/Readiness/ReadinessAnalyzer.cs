using System.Text.Json;
using CdsHooks.Clinical.Conformance;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Terminology;
using CdsHooks.Clinical.Timeline;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Fhir.Validation;

namespace CdsHooks.Clinical.Readiness;

/// <summary>
/// Builds a <see cref="ReadinessReport"/> from one patient's resources: validates them against the conformance
/// package, classifies their codes as the engine does, evaluates each pack's scope, and sorts each data element a
/// pack reads into present, absent, uncoded, unexpected system or fails profile. Pure: no I/O.
/// </summary>
public sealed class ReadinessAnalyzer(KnowledgeBase knowledge, IResourceValidator validator, ConformancePackage package, TimeProvider time)
{
    private readonly HashSet<string> _profiledTypes = package.Profiles.Select(p => p.Type).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _packageSystems = knowledge.Terminology.ValueSets
        .SelectMany(vs => vs.Concepts.Select(c => c.Key.System).Concat(vs.Prefixes.Select(p => p.System)))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Analyses one patient's resources.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="resources">The patient's resources as FHIR JSON (Patient, Condition, MedicationStatement, ...).</param>
    /// <param name="notRetrieved">Resource types whose data could not be retrieved (their elements are reported as not retrieved).</param>
    /// <param name="notes">What could not be retrieved, in words.</param>
    /// <returns>The report.</returns>
    public ReadinessReport Analyze(string patientId, IReadOnlyList<JsonElement> resources, IReadOnlyCollection<string>? notRetrieved = null, IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var allNotes = new List<string>(notes ?? []);
        var issues = new List<ReadinessIssue>();
        var items = new List<Item>();
        foreach (var raw in resources)
        {
            if (!FhirJson.TryDeserializeResource(raw, out var resource, out var error))
            {
                allNotes.Add($"A resource could not be read as FHIR R4 ({error!.Code} at {error.Path}) and was left out.");
                continue;
            }

            ValidationReport? report = _profiledTypes.Contains(resource.ResourceType) ? validator.Validate(raw) : null;
            if (report is not null)
            {
                issues.AddRange(report.Issues.Where(i => i.Severity is "error" or "fatal" or "warning").Select(i => new ReadinessIssue(
                    report.Reference, i.Severity!, ValidationReport.CodeOf(i), i.Expression is [var at, ..] ? at : null, i.Diagnostics)));
            }

            items.Add(new Item(resource, raw, report));
        }

        var medications = MedicationIndex.Of(items.Select(i => i.Resource).ToList(), fhirServer: null);
        var terminology = knowledge.Terminology;
        foreach (var item in items)
        {
            var code = ResourceCode.Of(item.Resource, medications);
            item.Code = code;
            item.Coded = terminology.Classify(code);
            item.Named = item.Coded.IsEmpty ? terminology.ClassifyIncludingText(code) : item.Coded;
        }

        var timeline = BuildTimeline(patientId, items);
        var missingTypes = notRetrieved ?? [];
        var packs = knowledge.Packs.Select(pack => new PackReadiness(
            pack.Pack.Id,
            pack.Pack.Title,
            pack.Pack.Version,
            Scope(pack, timeline),
            PackDataNeeds.Of(pack.Pack).Select(need => Requirement(need, items, missingTypes)).ToList())).ToList();

        return new ReadinessReport
        {
            PatientId = patientId,
            ResourceCounts = items.GroupBy(i => i.Resource.ResourceType).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Validation = new ValidationSummary(items.Count(i => i.Report is not null), items.Count(i => i.Report is { IsValid: false }), issues),
            Packs = packs,
            Unclassified = Unclassified(items),
            Notes = allNotes,
        };
    }

    private PatientTimeline BuildTimeline(string patientId, List<Item> items)
    {
        var invocation = new HookInvocation
        {
            ServiceId = "readiness",
            Hook = Protocol.Hooks.HookNames.PatientView,
            HookInstance = "readiness",
            PatientId = patientId,
            Data = new ClinicalData(
                items.Select(i => i.Resource).OfType<Patient>().FirstOrDefault(),
                items.Where(i => i.Report is null or { IsValid: true } && i.Resource is not Patient).Select(i => i.Resource).ToList()),
            SetAside = items.Where(i => i.Report is { IsValid: false }).Select(i => new SetAsideResource(i.Resource, i.Report!)).ToList(),
        };
        return new TimelineBuilder(knowledge.Terminology).Build(invocation, time.GetUtcNow());
    }

    private static string Scope(CompiledPack pack, PatientTimeline timeline) =>
        pack.Scope.Evaluate(new EvaluationContext(timeline, pack.DefinitionCount)).Value switch
        {
            Tri.True => "yes",
            Tri.False => "no",
            _ => "unknown",
        };

    private RequirementReadiness Requirement(PackDataNeed packNeed, List<Item> items, IReadOnlyCollection<string> notRetrieved)
    {
        var need = packNeed.Need;
        var candidates = items.Where(i => need.ResourceTypes.Contains(i.Resource.ResourceType)).ToList();
        if (need.ValueSet is null || !knowledge.Terminology.TryGet(need.ValueSet, out var valueSet))
        {
            return Demographic(packNeed, candidates, notRetrieved);
        }

        var matches = candidates.Where(i => i.Coded.Contains(valueSet.Index)).ToList();
        var conforming = matches.Where(i => i.Report is null or { IsValid: true }).ToList();
        var problems = matches.Where(i => i.Report is { IsValid: false }).Select(i => new ResourceProblem(Reference(i.Resource), ReadinessStatus.FailsProfile))
            .Concat(candidates.Where(i => i.Coded.IsEmpty && i.Named.Contains(valueSet.Index))
                .Select(i => new ResourceProblem(Reference(i.Resource), i.Code?.Coding is { Count: > 0 } ? ReadinessStatus.UnexpectedSystem : ReadinessStatus.Uncoded)))
            .ToList();

        // The status is the best the data offers; the problems list every resource that is the element but cannot be used.
        ReadinessStatus status = conforming.Count > 0 ? ReadinessStatus.Present
            : problems.FirstOrDefault()?.Status
            ?? (need.ResourceTypes.Any(notRetrieved.Contains) ? ReadinessStatus.NotRetrieved : ReadinessStatus.Absent);
        return new RequirementReadiness(
            need.Role, need.ValueSet, valueSet.Title, need.ResourceTypes, status,
            conforming.Select(f => Reference(f.Resource)).ToList(),
            status == ReadinessStatus.Present ? Presence(need.Elements, conforming) : [],
            packNeed.UsedBy,
            problems);
    }

    private static RequirementReadiness Demographic(PackDataNeed packNeed, List<Item> patients, IReadOnlyCollection<string> notRetrieved)
    {
        var need = packNeed.Need;
        var with = patients.Where(p => need.Elements.All(e => ElementPaths.IsPresent(p.Raw, e))).ToList();
        var status = with.Count > 0 ? ReadinessStatus.Present : notRetrieved.Contains("Patient") ? ReadinessStatus.NotRetrieved : ReadinessStatus.Absent;
        string title = need.Elements[0] switch
        {
            "Patient.birthDate" => "age (birth date)",
            "Patient.gender" => "sex (administrative gender)",
            var other => other,
        };
        return new RequirementReadiness(need.Role, null, title, need.ResourceTypes, status, with.Select(p => Reference(p.Resource)).ToList(),
            status == ReadinessStatus.Present ? Presence(need.Elements, with) : [], packNeed.UsedBy, []);
    }

    private static List<ElementPresence> Presence(IReadOnlyList<string> elements, IReadOnlyList<Item> found) =>
        elements.Select(element =>
        {
            var applicable = found.Where(f => ElementPaths.AppliesTo(element, f.Resource.ResourceType)).ToList();
            return new ElementPresence(element, applicable.Count(f => ElementPaths.IsPresent(f.Raw, element)), applicable.Count);
        }).Where(p => p.Of > 0).ToList();

    private List<UnclassifiedResource> Unclassified(List<Item> items)
    {
        var result = new List<UnclassifiedResource>();
        foreach (var item in items.Where(i => _profiledTypes.Contains(i.Resource.ResourceType) && i.Coded.IsEmpty))
        {
            var systems = item.Code?.Coding?.Select(c => c.System).OfType<string>().Distinct(StringComparer.Ordinal).ToList() ?? [];
            if (systems.Count == 0)
            {
                result.Add(new UnclassifiedResource(Reference(item.Resource), "uncoded: text only, no coding"));
            }
            else if (!systems.Any(_packageSystems.Contains))
            {
                result.Add(new UnclassifiedResource(Reference(item.Resource), $"coded only in {string.Join(", ", systems)}, which no ValueSet of the package uses; map the codes with a ConceptMap"));
            }
        }

        return result;
    }

    private static string Reference(Resource resource) => resource.Id is null ? resource.ResourceType : $"{resource.ResourceType}/{resource.Id}";

    private sealed class Item(Resource resource, JsonElement raw, ValidationReport? report)
    {
        public Resource Resource { get; } = resource;

        public JsonElement Raw { get; } = raw;

        public ValidationReport? Report { get; } = report;

        public CodeableConcept? Code { get; set; }

        public ValueSetMask Coded { get; set; } = ValueSetMask.Empty;

        public ValueSetMask Named { get; set; } = ValueSetMask.Empty;
    }
}

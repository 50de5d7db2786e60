using System.Globalization;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Timeline;
using CdsHooks.Fhir.Model;
using CdsHooks.Service.Demo;

namespace CdsHooks.Service.DemoPage;

/// <summary>
/// Builds a demo patient's chart from the engine's <see cref="PatientTimeline"/> over the demo store, so the chart shows
/// the therapy episodes, outcomes and lines exactly as the engine reads them. Unsigned orders in the store go in as the
/// timeline's draft orders, which is how the engine itself sees orders being placed.
/// </summary>
internal sealed class PatientChartBuilder(KnowledgeBase knowledge, DemoFhirStore store, TimeProvider time)
{
    private const int MaxKeyResults = 24;
    private const int MaxMarkers = 200;

    private readonly TimelineBuilder _timelineBuilder = new(knowledge.Terminology);

    public PatientChart? Build(string patientId)
    {
        var entry = store.Patients.FirstOrDefault(p => p.Id == patientId);
        if (entry is null || !store.TryRead(Patient.TypeName, patientId, out var resource) || resource is not Patient patient)
        {
            return null;
        }

        var resources = DemoSearchCatalog.Types.Where(t => t != Patient.TypeName)
            .SelectMany(store.OfType)
            .Where(r => Subject(r) == "Patient/" + patientId)
            .ToList();
        var pending = resources.Where(IsPending).ToList();
        var timeline = _timelineBuilder.Build(new HookInvocation
        {
            ServiceId = "demo-chart",
            Hook = "patient-view",
            HookInstance = "demo-chart",
            PatientId = patientId,
            Data = new ClinicalData(patient, resources.Except(pending).ToList()),
            DraftOrders = pending,
        }, time.GetUtcNow());

        var observations = timeline.Observations.Where(o => !o.Memberships.IsEmpty).ToList();
        return new PatientChart
        {
            Patient = new ChartPatient(patientId, Name(patient), timeline.Gender, timeline.BirthDate?.ToString(), timeline.AgeInYears),
            Area = entry.Area,
            Vignette = entry.Vignette,
            Summary = entry.Summary,
            AsOf = timeline.AsOf,
            Conditions = timeline.Diagnoses.Where(d => d.IsActive)
                .Select(d => new ChartCondition(d.Reference, ConceptText.Of(d.Code) ?? "Condition", d.Onset?.ToString(), d.ClinicalStatus, d.VerificationStatus))
                .ToList(),
            KeyResults = observations.GroupBy(Key).Select(g => Result(g.First())).Take(MaxKeyResults).ToList(),
            Episodes = timeline.Episodes.Select(Episode).ToList(),
            Procedures = timeline.Procedures.Select(p => new ChartEvent(p.Reference, ConceptText.Of(p.Code) ?? "Procedure", p.Start?.ToString(), p.End?.ToString())).ToList(),
            Observations = observations.Where(o => o.Time is not null).Take(MaxMarkers).Select(Result).ToList(),
            PendingOrders = timeline.DraftOrders.Select(o => new ChartOrder(o.Reference, o.Resource.ResourceType, o.Label, Status(o.Resource), o.Agent?.MechanismDisplay)).ToList(),
            VignetteOrders = entry.DraftOrders,
        };
    }

    // Orders not yet signed: what a demo user placed or accepted, and what the vignette left as a draft.
    private static bool IsPending(Resource resource) => resource switch
    {
        MedicationRequest m => m.Status is "draft",
        ServiceRequest s => s.Status is "draft" or "active",
        _ => false,
    };

    private static string? Status(Resource resource) => resource switch
    {
        MedicationRequest m => m.Status,
        ServiceRequest s => s.Status,
        _ => null,
    };

    private static string? Subject(Resource resource) => resource switch
    {
        Condition c => c.Subject?.ReferenceValue,
        Observation o => o.Subject?.ReferenceValue,
        MedicationStatement m => m.Subject?.ReferenceValue,
        MedicationRequest m => m.Subject?.ReferenceValue,
        Procedure p => p.Subject?.ReferenceValue,
        ServiceRequest s => s.Subject?.ReferenceValue,
        _ => null,
    };

    /// <summary>A patient's display name: the first name's text, else given and family names, else the id.</summary>
    public static string Name(Patient patient)
    {
        var name = patient.Name is { Count: > 0 } names ? names[0] : null;
        string text = name?.Text ?? string.Join(' ', (name?.Given ?? []).Append(name?.Family).OfType<string>());
        return text.Length > 0 ? text : patient.Id ?? "Patient";
    }

    private static string Key(ObservationPoint point)
        => point.Code?.Coding?.FirstOrDefault(c => c.Code is not null) is { } coding ? coding.System + "|" + coding.Code : ConceptText.Of(point.Code) ?? point.Reference;

    private ChartResult Result(ObservationPoint point) => new(
        point.Reference,
        ConceptText.Of(point.Code) ?? "Result",
        point.Time?.ToString(),
        Value(point),
        point.Interpretation.Select(ConceptText.Of).FirstOrDefault(t => t is not null),
        point.Memberships.Indices().Select(i => knowledge.Terminology.ValueSets[i].Title).ToList());

    private static string Value(ObservationPoint point)
    {
        if (point.Value is { } number)
        {
            return $"{point.Comparator}{number.ToString("0.####", CultureInfo.InvariantCulture)}{(point.Unit is { Length: > 0 } unit ? " " + unit : string.Empty)}";
        }

        if (point.ValueRatio is { Numerator.Value: { } n, Denominator.Value: { } d })
        {
            return $"{n.ToString("0.####", CultureInfo.InvariantCulture)}:{d.ToString("0.####", CultureInfo.InvariantCulture)}";
        }

        return ConceptText.Of(point.CodedValue) ?? point.ValueText
            ?? (point.Components.Count > 0 ? $"{point.Components.Count} components" : "recorded");
    }

    private static ChartEpisode Episode(TherapyEpisode episode) => new(
        episode.Reference,
        episode.Label,
        episode.Source.ToString(),
        episode.Agent?.MechanismClass ?? (episode.Source == TherapySource.Procedure ? "procedure" : null),
        episode.Agent?.MechanismDisplay ?? (episode.Source == TherapySource.Procedure ? "Procedure" : null),
        episode.Start?.ToString(),
        episode.End?.ToString(),
        episode.IsActive,
        episode.Outcome.Code(),
        episode.Outcome.Describe(),
        episode.Line);
}

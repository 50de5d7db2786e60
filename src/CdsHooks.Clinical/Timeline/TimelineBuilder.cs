using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Prefetch;
using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Timeline;

/// <summary>Normalises a hook call's FHIR resources into a <see cref="PatientTimeline"/>.</summary>
public sealed class TimelineBuilder(TerminologyCatalog terminology)
{
    private static readonly HashSet<string> IgnoredStatuses = new(StringComparer.Ordinal)
    {
        "entered-in-error", "not-taken", "not-done", "cancelled", "revoked",
    };

    /// <summary>Builds the timeline as of <paramref name="asOf"/>.</summary>
    public PatientTimeline Build(HookInvocation invocation, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var resources = invocation.Data.Resources;
        var medications = MedicationIndex.Of(resources, invocation.FhirServer);
        var diagnoses = new List<Diagnosis>();
        var episodes = new List<TherapyEpisode>();
        var observations = new List<ObservationPoint>();
        var procedures = new List<ProcedureEvent>();
        var outcomeSignals = new OutcomeSignals();

        foreach (var resource in resources)
        {
            switch (resource)
            {
                case Condition condition when ToDiagnosis(condition) is { } diagnosis:
                    diagnoses.Add(diagnosis);
                    break;
                case MedicationStatement statement when IsCounted(statement):
                    episodes.Add(ToEpisode(statement, medications));
                    break;
                case MedicationRequest request when IsCounted(request):
                    episodes.Add(ToEpisode(request, medications));
                    break;
                case Observation observation when !IgnoredStatuses.Contains(observation.Status ?? ""):
                    var point = ToPoint(observation);
                    observations.Add(point);
                    outcomeSignals.Collect(observation, point, terminology);
                    break;
                case Procedure procedure when !IgnoredStatuses.Contains(procedure.Status ?? ""):
                    var procedureEvent = ToProcedure(procedure);
                    procedures.Add(procedureEvent);
                    episodes.Add(ToEpisode(procedure, procedureEvent));
                    break;
                default:
                    break;
            }
        }

        var resolved = RemoveDuplicateRequests(episodes)
            .Select(episode => outcomeSignals.Apply(episode, asOf))
            .OrderBy(e => e.Start?.LowerBound ?? DateTimeOffset.MaxValue)
            .ToList();

        return new PatientTimeline
        {
            AsOf = asOf,
            PatientId = invocation.PatientId,
            BirthDate = invocation.Data.Patient?.BirthDate,
            Gender = invocation.Data.Patient?.Gender,
            Diagnoses = diagnoses,
            Episodes = LineOfTherapy.Number(resolved, LineOfTherapy.DefaultFilter),
            Observations = observations.OrderByDescending(o => o.Time?.LowerBound ?? DateTimeOffset.MinValue).ToList(),
            Procedures = procedures.OrderBy(p => p.Start?.LowerBound ?? DateTimeOffset.MaxValue).ToList(),
            DraftOrders = invocation.DraftOrders.Select((order, i) => ToDraftOrder(order, i, medications)).ToList(),
            MissingResourceTypes = MissingTypes(invocation),
            SetAside = [.. invocation.SetAside.Select(s => ToSetAside(s, medications)), .. UnidentifiedMedications(resources, medications)],
        };
    }

    // Classified by code, or by text when uncoded, to tell which criteria the resource might have fed.
    private SetAsideItem ToSetAside(Conformance.SetAsideResource setAside, MedicationIndex medications)
    {
        var resource = setAside.Resource;
        var code = ResourceCode.Of(resource, medications);
        // A drug given by a reference that cannot be resolved could be any drug.
        bool unresolvedDrug = code is null
            && resource is MedicationStatement { MedicationReference.ReferenceValue: not null } or MedicationRequest { MedicationReference.ReferenceValue: not null };
        return new SetAsideItem
        {
            Reference = setAside.Report.Reference,
            ResourceType = resource.ResourceType,
            Memberships = unresolvedDrug ? terminology.AllValueSets : terminology.ClassifyIncludingText(code),
            Label = ConceptText.Of(code) ?? resource.ResourceType,
            Reason = setAside.Reason,
        };
    }

    // A record whose drug is a Medication reference that resolves to no coded Medication (not sent, not readable, or
    // without a code) could be any drug, so every criterion reading medication records treats it as it treats a
    // set-aside resource: it may be what the criterion looks for. Records the timeline ignores are ignored here too.
    private IEnumerable<SetAsideItem> UnidentifiedMedications(IReadOnlyList<Resource> resources, MedicationIndex medications)
    {
        foreach (var resource in resources)
        {
            var reference = resource switch
            {
                MedicationStatement { MedicationCodeableConcept: null } s when IsCounted(s) => s.MedicationReference,
                MedicationRequest { MedicationCodeableConcept: null } r when IsCounted(r) => r.MedicationReference,
                _ => null,
            };
            if (reference?.ReferenceValue is not { } target || MedicationCode(null, reference, (DomainResource)resource, medications) is not null)
            {
                continue;
            }

            yield return new SetAsideItem
            {
                Reference = resource.Id is null ? resource.ResourceType : $"{resource.ResourceType}/{resource.Id}",
                ResourceType = resource.ResourceType,
                Memberships = terminology.AllValueSets,
                Label = reference.Display ?? "a medication given by reference",
                Reason = $"its drug is given as {medications.Relative(target) ?? "a reference"}, which could not be resolved to a coded Medication, so the drug is unknown",
            };
        }
    }

    // Which medication records are therapy: not entered in error, not-taken, cancelled or revoked; requests also not drafts.
    private static bool IsCounted(MedicationStatement statement) => !IgnoredStatuses.Contains(statement.Status ?? "");

    private static bool IsCounted(MedicationRequest request) => request.Status is not ("draft" or null) && !IgnoredStatuses.Contains(request.Status);

    private static HashSet<string> MissingTypes(HookInvocation invocation)
    {
        var missing = invocation.DataGaps.Select(g => g.ResourceType).ToHashSet(StringComparer.Ordinal);
        if (invocation.Data.Patient is null)
        {
            missing.Add("Patient");
        }

        return missing;
    }

    internal static CodeableConcept? MedicationCode(
        CodeableConcept? inline, Reference? reference, DomainResource owner, MedicationIndex medications)
    {
        if (inline is not null || reference?.ReferenceValue is not { } target)
        {
            return inline;
        }

        if (target.StartsWith('#') && owner.Contained is { } contained)
        {
            string id = target[1..];
            return contained.OfType<Medication>().FirstOrDefault(m => m.Id == id)?.Code;
        }

        return medications.Find(target)?.Code;
    }

    private Diagnosis? ToDiagnosis(Condition condition)
    {
        string? verification = ConceptText.FirstCode(condition.VerificationStatus);
        if (verification is "refuted" or "entered-in-error")
        {
            return null;
        }

        return new Diagnosis
        {
            Reference = "Condition/" + condition.Id,
            Code = condition.Code,
            Memberships = terminology.Classify(condition.Code),
            Onset = condition.OnsetTime,
            ClinicalStatus = ConceptText.FirstCode(condition.ClinicalStatus),
            VerificationStatus = verification,
        };
    }

    private TherapyEpisode ToEpisode(MedicationStatement statement, MedicationIndex medications)
    {
        var code = MedicationCode(statement.MedicationCodeableConcept, statement.MedicationReference, statement, medications);
        return new TherapyEpisode
        {
            Reference = "MedicationStatement/" + statement.Id,
            Source = TherapySource.MedicationStatement,
            Agent = terminology.ResolveAgent(code),
            Code = code,
            Memberships = terminology.Classify(code),
            Start = statement.EffectiveStart,
            End = statement.EffectiveEnd,
            Status = statement.Status,
            Outcome = OutcomeFromReasons(statement.StatusReason, statement.Status),
        };
    }

    private TherapyEpisode ToEpisode(MedicationRequest request, MedicationIndex medications)
    {
        var code = MedicationCode(request.MedicationCodeableConcept, request.MedicationReference, request, medications);
        return new TherapyEpisode
        {
            Reference = "MedicationRequest/" + request.Id,
            Source = TherapySource.MedicationRequest,
            Agent = terminology.ResolveAgent(code),
            Code = code,
            Memberships = terminology.Classify(code),
            Start = request.AuthoredOn,
            Status = request.Status,
            Outcome = OutcomeFromReasons(request.StatusReason is { } reason ? [reason] : null, request.Status),
        };
    }

    private TherapyEpisode ToEpisode(Procedure procedure, ProcedureEvent procedureEvent) => new()
    {
        Reference = procedureEvent.Reference,
        Source = TherapySource.Procedure,
        Code = procedure.Code,
        Memberships = procedureEvent.Memberships,
        Start = procedureEvent.Start,
        End = procedureEvent.End ?? procedureEvent.Start,
        Status = procedure.Status,
        Outcome = OutcomeFromReasons(
            procedure.Outcome is { } outcome ? [outcome] : procedure.StatusReason is { } reason ? [reason] : null,
            procedure.Status == "in-progress" ? "active" : procedure.Status),
    };

    private TherapyOutcome OutcomeFromReasons(IReadOnlyList<CodeableConcept>? reasons, string? status)
    {
        if (reasons is not null)
        {
            foreach (var reason in reasons)
            {
                if (TherapyOutcomes.TryFrom(reason, terminology, out var outcome))
                {
                    return outcome;
                }
            }
        }

        return status is "active" or "intended" or "on-hold" ? TherapyOutcome.Ongoing : TherapyOutcome.Unknown;
    }

    private ObservationPoint ToPoint(Observation observation)
    {
        var quantity = observation.ValueQuantity;
        var components = observation.Component?.Select(ToComponent).ToList() ?? [];
        var componentValues = ValueSetMask.Empty;
        foreach (var component in components)
        {
            componentValues = componentValues.Union(component.ValueMemberships);
        }

        return new ObservationPoint
        {
            Reference = "Observation/" + observation.Id,
            Memberships = terminology.Classify(observation.Code),
            Code = observation.Code,
            Time = observation.EffectiveTime,
            Value = quantity?.Value ?? observation.ValueInteger,
            Unit = quantity?.Code ?? quantity?.Unit,
            Comparator = quantity?.Comparator,
            ValueMemberships = terminology.Classify(observation.ValueCodeableConcept),
            CodedValue = observation.ValueCodeableConcept,
            ComponentValueMemberships = componentValues,
            Status = observation.Status,
            ValueText = observation.ValueString,
            ValueRatio = observation.ValueRatio,
            ReferenceRanges = observation.ReferenceRange ?? [],
            Interpretation = observation.Interpretation ?? [],
            Components = components,
        };
    }

    private ObservationComponentPoint ToComponent(ObservationComponent component) => new()
    {
        Code = component.Code,
        Memberships = terminology.Classify(component.Code),
        CodedValue = component.ValueCodeableConcept,
        ValueMemberships = terminology.Classify(component.ValueCodeableConcept),
        HasValue = component.Value is not null && component.DataAbsentReason is null,
    };

    private ProcedureEvent ToProcedure(Procedure procedure) => new()
    {
        Reference = "Procedure/" + procedure.Id,
        Memberships = terminology.Classify(procedure.Code),
        Code = procedure.Code,
        Start = procedure.PerformedStart,
        End = procedure.PerformedEnd,
        Status = procedure.Status,
    };

    private DraftOrder ToDraftOrder(Resource order, int position, MedicationIndex medications)
    {
        string reference = order.Id is { Length: > 0 } id ? $"{order.ResourceType}/{id}" : $"draftOrders[{position}]";
        CodeableConcept? code = order switch
        {
            MedicationRequest request => MedicationCode(request.MedicationCodeableConcept, request.MedicationReference, request, medications),
            ServiceRequest service => service.Code,
            _ => null,
        };
        var agent = order is MedicationRequest ? terminology.ResolveAgent(code) : null;
        return new DraftOrder
        {
            Reference = reference,
            Resource = order,
            Memberships = terminology.Classify(code),
            Agent = agent,
            Label = agent?.Inn ?? ConceptText.Of(code) ?? order.ResourceType,
            IsStop = order is MedicationRequest { DoNotPerform: true } or ServiceRequest { DoNotPerform: true },
        };
    }

    // The value sets of the components' coded values, e.g. the gene studied (48018-6) of a genetic variant assessment.
    // A MedicationRequest usually duplicates a MedicationStatement of the same drug; keep the statement, which carries the outcome.
    private static IEnumerable<TherapyEpisode> RemoveDuplicateRequests(List<TherapyEpisode> episodes)
    {
        var statementAgents = episodes
            .Where(e => e.Source == TherapySource.MedicationStatement && e.Agent is not null)
            .Select(e => e.Agent!.Inn)
            .ToHashSet(StringComparer.Ordinal);
        return episodes.Where(e => e.Source != TherapySource.MedicationRequest || e.Agent is null || !statementAgents.Contains(e.Agent.Inn));
    }

}

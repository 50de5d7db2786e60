using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CdsHooks.Service.Telemetry;

/// <summary>
/// The service's metrics on the <c>CdsHooks</c> meter (System.Diagnostics.Metrics; exported over OTLP when configured).
/// Tags are bounded sets: known service ids, status codes, rule ids and kinds from the packs, FHIR resource types.
/// </summary>
public sealed class CdsHooksMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "CdsHooks";

    private readonly Counter<long> _invocations;
    private readonly Histogram<double> _invocationDuration;
    private readonly Counter<long> _fhirQueries;
    private readonly Histogram<double> _fhirDuration;
    private readonly Counter<long> _cards;
    private readonly Counter<long> _feedback;
    private readonly Counter<long> _feedbackStored;
    private readonly Counter<long> _authFailures;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>.</summary>
    public CdsHooksMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _invocations = meter.CreateCounter<long>("cdshooks.invocations", "{invocation}", "Service invocations by service and HTTP status.");
        _invocationDuration = meter.CreateHistogram<double>("cdshooks.invocation.duration", "s", "Time to answer a service invocation.");
        _fhirQueries = meter.CreateCounter<long>("cdshooks.fhir.queries", "{request}", "FHIR requests made for prefetch, by resource type and outcome.");
        _fhirDuration = meter.CreateHistogram<double>("cdshooks.fhir.query.duration", "s", "Time for one FHIR request attempt.");
        _cards = meter.CreateCounter<long>("cdshooks.cards", "{card}", "Cards returned, by service, rule and kind.");
        _feedback = meter.CreateCounter<long>("cdshooks.feedback", "{item}", "Feedback items received, by service and outcome (accepted, overridden).");
        _feedbackStored = meter.CreateCounter<long>("cdshooks.feedback.stored", "{item}", "Feedback items stored as new (the rest were resends).");
        _authFailures = meter.CreateCounter<long>("cdshooks.auth.failures", "{request}", "Client tokens refused, by reason.");
    }

    /// <summary>Records one answered invocation.</summary>
    public void Invocation(string serviceId, int status, TimeSpan elapsed)
    {
        var tags = new TagList { { "service", serviceId }, { "status", status } };
        _invocations.Add(1, tags);
        _invocationDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Records one card returned.</summary>
    public void Card(string serviceId, string rule, string kind) =>
        _cards.Add(1, new TagList { { "service", serviceId }, { "rule", rule }, { "kind", kind } });

    /// <summary>Records one FHIR request attempt.</summary>
    public void FhirQuery(string resourceType, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "resource_type", resourceType }, { "outcome", outcome } };
        _fhirQueries.Add(1, tags);
        _fhirDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Records feedback items of one outcome.</summary>
    public void Feedback(string serviceId, string outcome, int count) =>
        _feedback.Add(count, new TagList { { "service", serviceId }, { "outcome", outcome } });

    /// <summary>Records how many feedback items of a call were new.</summary>
    public void FeedbackStored(string serviceId, int count) => _feedbackStored.Add(count, new TagList { { "service", serviceId } });

    /// <summary>Records a refused client token.</summary>
    public void AuthFailure(string reason) => _authFailures.Add(1, new TagList { { "reason", reason } });
}

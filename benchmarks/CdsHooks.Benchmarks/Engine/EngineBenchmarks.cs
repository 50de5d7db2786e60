using BenchmarkDotNet.Attributes;
using CdsHooks.Clinical;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Timeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Benchmarks.Engine;

/// <summary>
/// Evaluating every shipped pack for one patient: building the timeline, evaluating the rules, and composing cards.
/// Sizes are resources per type (Conditions, MedicationStatements, Observations, Procedures).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private KnowledgeBase _knowledge = null!;
    private RefractoryEngine _engine = null!;
    private HookInvocation _invocation = null!;
    private PatientTimeline _timeline = null!;

    /// <summary>Resources per type: small, typical, large.</summary>
    [Params(10, 100, 1000)]
    public int ResourcesPerType { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _knowledge = KnowledgeBase.Load(new ClinicalOptions());
        _engine = new RefractoryEngine(_knowledge, new FixedClock(AsOf), Options.Create(new ClinicalOptions()), NullLogger<RefractoryEngine>.Instance);
        var (patient, resources) = SyntheticPatient.Create(ResourcesPerType);
        _invocation = new HookInvocation
        {
            ServiceId = "bench",
            Hook = "patient-view",
            HookInstance = "bench",
            PatientId = "bench",
            Data = new ClinicalData(patient, resources),
        };
        _timeline = new TimelineBuilder(_knowledge.Terminology).Build(_invocation, AsOf);
    }

    /// <summary>The whole engine call: timeline, all packs, cards.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> EvaluateAllPacks() => (await _engine.EvaluateAsync(_invocation, CancellationToken.None)).Count;

    /// <summary>Only the timeline normalisation.</summary>
    [Benchmark]
    public int BuildTimeline() => new TimelineBuilder(_knowledge.Terminology).Build(_invocation, AsOf).Episodes.Count;

    /// <summary>Only rule evaluation over a built timeline.</summary>
    [Benchmark]
    public int EvaluateRules() => PackEvaluator.Evaluate(_knowledge.Packs, _timeline, "patient-view").Count;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

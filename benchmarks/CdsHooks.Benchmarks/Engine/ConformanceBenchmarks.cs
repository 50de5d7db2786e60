using BenchmarkDotNet.Attributes;
using CdsHooks.Clinical;
using CdsHooks.Clinical.Conformance;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Validation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Benchmarks.Engine;

/// <summary>
/// The cost of checking a call's resources against the conformance package (Conformance:IncomingData SetAside), on
/// the same synthetic patients as <see cref="EngineBenchmarks"/>, to compare with evaluating the packs.
/// </summary>
[MemoryDiagnoser]
public class ConformanceBenchmarks
{
    private IncomingDataCheck _check = null!;
    private IReadOnlyList<Resource> _resources = null!;

    /// <summary>Resources per type: small, typical, large.</summary>
    [Params(10, 100, 1000)]
    public int ResourcesPerType { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new ClinicalOptions();
        var knowledge = KnowledgeBase.Load(options);
        var package = ConformancePackage.LoadDirectory(options.ProfilesDirectory);
        var validator = new ProfileValidator(package, new TerminologyMembership(knowledge.Terminology));
        _check = new IncomingDataCheck(validator, package, Options.Create(new ConformanceOptions()), NullLogger<IncomingDataCheck>.Instance);
        _resources = SyntheticPatient.Create(ResourcesPerType).Resources;
    }

    /// <summary>Validating every resource of the call and setting aside those that fail.</summary>
    [Benchmark]
    public int ValidateIncoming() => _check.Apply(_resources).SetAside.Count;
}

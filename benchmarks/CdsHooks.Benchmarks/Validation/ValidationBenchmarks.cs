using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CdsHooks.Benchmarks.Http;
using CdsHooks.Clinical;
using CdsHooks.Clinical.Conformance;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Prefetch;
using CdsHooks.Fhir.Validation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Benchmarks.Validation;

/// <summary>
/// Validating the resources of the HTTP benchmark's realistic patient that a pack can use (the incoming-data check of
/// one CDS call). Figures are per resource: each invocation validates all <see cref="Resources"/> of them.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    /// <summary>How many of the realistic patient's resources a pack can use (checked on setup).</summary>
    public const int Resources = 167;

    private RealisticPatientResources _patient = null!;
    private ProfileValidator _validator = null!;
    private IncomingDataCheck _check = null!;
    private ResourceRelevance _relevance = null!;
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new ClinicalOptions();
        var knowledge = KnowledgeBase.Load(options);
        var package = ConformancePackage.LoadDirectory(options.ProfilesDirectory);
        _validator = new ProfileValidator(package, new TerminologyMembership(knowledge.Terminology));
        _check = new IncomingDataCheck(_validator, package, Options.Create(new ConformanceOptions()), NullLogger<IncomingDataCheck>.Instance);
        _patient = RealisticPatientResources.Read(knowledge);
        _relevance = new ResourceRelevance(knowledge);
        _body = RealisticPatientRequest.Create();
        if (_patient.Typed.Count != Resources || _patient.Json.Count != Resources)
        {
            throw new InvalidOperationException($"Expected {Resources} relevant resources, read {_patient.Typed.Count} typed and {_patient.Json.Count} as JSON.");
        }

        if (Validate() != 0)
        {
            throw new InvalidOperationException("The realistic patient's resources should all conform.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _patient.Dispose();

    /// <summary>The validator alone, over the JSON each resource was read from.</summary>
    [Benchmark(OperationsPerInvoke = Resources)]
    public int Validate()
    {
        int invalid = 0;
        foreach (var resource in _patient.Json)
        {
            invalid += _validator.Validate(resource).IsValid ? 0 : 1;
        }

        return invalid;
    }

    /// <summary>The incoming-data check over typed resources, each written back to JSON first (resources fetched from a FHIR server).</summary>
    [Benchmark(OperationsPerInvoke = Resources, Baseline = true)]
    public int CheckTyped() => _check.Apply(_patient.Typed).SetAside.Count;

    /// <summary>The incoming-data check of a call with full prefetch: each resource validated as received.</summary>
    [Benchmark(OperationsPerInvoke = Resources)]
    public int CheckAsReceived() => _check.Apply(_patient.Typed, _patient.Json).SetAside.Count;

    /// <summary>
    /// For scale, the work around the check: parsing the whole request body (the HTTP benchmark's ceiling does only
    /// this), and reading the prefetched searchsets into the model (relevance filter and deserialisation).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Resources)]
    public int ParseBody()
    {
        using var document = JsonDocument.Parse(_body);
        return document.RootElement.GetProperty("prefetch").GetPropertyCount();
    }

    /// <summary>Reading the relevant resources of every prefetched searchset into the model, as the service does.</summary>
    [Benchmark(OperationsPerInvoke = Resources)]
    public int ReadPrefetch() => RealisticPatientResources.ReadTyped(_patient.Request, _relevance);
}

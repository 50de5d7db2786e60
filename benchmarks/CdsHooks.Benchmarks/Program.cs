using BenchmarkDotNet.Running;
using CdsHooks.Benchmarks.Engine;
using CdsHooks.Benchmarks.Http;
using CdsHooks.Benchmarks.Validation;

namespace CdsHooks.Benchmarks;

/// <summary>
/// One command per benchmark; see docs/benchmarks.md.
/// <c>engine</c>: BenchmarkDotNet, evaluating all packs on small, typical and large patients.
/// <c>validation</c>: BenchmarkDotNet, the profile validator on the realistic patient of the HTTP benchmark.
/// <c>http</c>: wrk over loopback, patient-view with full prefetch against a parse-only ceiling route in the same host.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "engine" => RunEngine(args[1..]),
        "validation" => RunValidation(args[1..]),
        "http" => await HttpBenchmark.RunAsync(args[1..]),
        _ => Usage(),
    };

    private static int RunEngine(string[] rest)
    {
        BenchmarkSwitcher.FromTypes([typeof(EngineBenchmarks), typeof(ConformanceBenchmarks)]).RunAll(BenchmarkDotNet.Configs.DefaultConfig.Instance, rest);
        return 0;
    }

    private static int RunValidation(string[] rest)
    {
        BenchmarkSwitcher.FromTypes([typeof(ValidationBenchmarks)]).RunAll(BenchmarkDotNet.Configs.DefaultConfig.Instance, rest);
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/CdsHooks.Benchmarks -- engine|validation [BenchmarkDotNet options]");
        Console.Error.WriteLine("       dotnet run -c Release --project benchmarks/CdsHooks.Benchmarks -- http [--rounds 3] [--seconds 10] [--connections 8]");
        return 2;
    }
}

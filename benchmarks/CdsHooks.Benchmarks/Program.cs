using BenchmarkDotNet.Running;
using CdsHooks.Benchmarks.Engine;

// One command per benchmark; see docs/benchmarks/README.md.
//   engine: BenchmarkDotNet, evaluating all packs on small, typical and large patients.
return args.FirstOrDefault() switch
{
    "engine" => RunEngine(args[1..]),
    _ => Usage(),
};

static int RunEngine(string[] rest)
{
    BenchmarkSwitcher.FromTypes([typeof(EngineBenchmarks)]).RunAll(BenchmarkDotNet.Configs.DefaultConfig.Instance, rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/CdsHooks.Benchmarks -- engine [BenchmarkDotNet options]");
    return 2;
}

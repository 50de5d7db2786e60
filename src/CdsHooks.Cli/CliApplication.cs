using System.CommandLine;
using CdsHooks.Cli.Readiness;
using CdsHooks.Cli.Requirements;
using CdsHooks.Cli.Validation;

namespace CdsHooks.Cli;

/// <summary>The command tree: <c>readiness</c>, <c>validate</c> and <c>requirements</c>.</summary>
internal static class CliApplication
{
    /// <summary>Exit code: done, nothing wrong.</summary>
    public const int Success = 0;

    /// <summary>Exit code: done, and the data (or the page) has problems.</summary>
    public const int Problems = 1;

    /// <summary>Exit code: the input could not be used (a file missing, not FHIR, no patient).</summary>
    public const int InputError = 2;

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = new RootCommand("Refractory-disease CDS Hooks: data readiness, validation against the conformance package, data requirements.")
        {
            ReadinessCommand.Create(console),
            ValidateCommand.Create(console),
            RequirementsCommand.Create(console),
        };
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
    }
}

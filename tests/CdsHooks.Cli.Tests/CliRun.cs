using CdsHooks.Testing;

namespace CdsHooks.Cli.Tests;

/// <summary>Runs the tool in-process through its command tree, with plain text output captured.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await CliApplication.RunAsync(
            [.. args, .. Repository(args)], CliConsole.Plain(output, error), CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    public static string Seed(string file) => Path.Combine(RepoPaths.Patients, file);

    // Point the packs and profiles at the repository, unless the command finds them itself.
    private static string[] Repository(string[] args) =>
        args[0] == "requirements" || args.Contains("--profiles") ? [] : ["--knowledge", RepoPaths.Knowledge, "--profiles", RepoPaths.Profiles];
}

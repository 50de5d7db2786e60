using System.Diagnostics;
using System.Text.Json;

namespace CdsHooks.Cli.Tests;

/// <summary>The tool as users run it: the built program in its own process, with the packs and profiles beside it.</summary>
public sealed class EntryPointTests
{
    [Fact]
    public async Task Main_ReadinessAsJson_WritesTheReportToStandardOutput()
    {
        var (exit, output, error) = await RunAsync("readiness", "--bundle", CliRun.Seed("crohns-v6-jak-blocked-vte-ltbi.json"), "--format", "json");

        Assert.True(exit == 0, error);
        using var set = JsonDocument.Parse(output);
        var report = set.RootElement.GetProperty("reports")[0];
        Assert.Equal("crohns-v6", report.GetProperty("patientId").GetString());
        Assert.Equal(2, report.GetProperty("validation").GetProperty("invalid").GetInt32());
    }

    [Fact]
    public async Task Main_UnknownCommand_ExitsNonZeroWithUsage()
    {
        var (exit, _, error) = await RunAsync("frobnicate");

        Assert.NotEqual(0, exit);
        Assert.Contains("frobnicate", error, StringComparison.Ordinal);
    }

    // The tool's own build output (same configuration as this test's), where its dependencies and packs lie beside it.
    private static string ToolPath()
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        return Path.Combine(Testing.RepoPaths.Root, "src", "CdsHooks.Cli", "bin", configuration, "net10.0", "cdshooks.dll");
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ToolPath());
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}

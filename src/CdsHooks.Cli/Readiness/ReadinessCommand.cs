using System.CommandLine;
using System.Text.Json;
using CdsHooks.Clinical.Readiness;
using CdsHooks.Fhir.Rest;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CdsHooks.Cli.Readiness;

/// <summary>
/// <c>cdshooks readiness</c>: for one patient or a set, per pack, which data elements are present, absent, uncoded or
/// coded in unexpected systems, or failing the profile; from Bundle files (or folders of them) or from a FHIR server.
/// </summary>
internal static class ReadinessCommand
{
    /// <summary>The environment variable read for the FHIR server's bearer token when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "CDSHOOKS_FHIR_TOKEN";

    public static Command Create(CliConsole console)
    {
        var bundles = new Option<string[]>("--bundle") { Description = "A Bundle file of one patient's resources, or a folder of them; repeatable.", AllowMultipleArgumentsPerToken = true };
        var server = new Option<string?>("--fhir-server") { Description = "A FHIR R4 server (absolute http or https URL) to read the patients from, with the queries the service prefetches." };
        var patients = new Option<string[]>("--patient") { Description = "Patient id on --fhir-server; repeatable.", AllowMultipleArgumentsPerToken = true };
        var token = new Option<string?>("--token") { Description = $"Bearer token for --fhir-server (default: ${TokenVariable})." };
        var allPacks = new Option<bool>("--all-packs") { Description = "Show packs whose disease the patient does not have, too." };
        var format = CommonOptions.Format();
        var knowledge = CommonOptions.Knowledge();
        var profiles = CommonOptions.Profiles();
        var command = new Command("readiness", "Report, per pack, which data elements a patient's FHIR data has, lacks, leaves uncoded or fails the profile on.")
        {
            bundles, server, patients, token, allPacks, format, knowledge, profiles,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var jobs = new List<Job>();
            foreach (string path in parse.GetValue(bundles) ?? [])
            {
                if (!AddBundles(path, jobs, console))
                {
                    return CliApplication.InputError;
                }
            }

            if (parse.GetValue(server) is { } serverText)
            {
                if (!Uri.TryCreate(serverText, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
                {
                    await console.Error.WriteLineAsync($"--fhir-server must be an absolute http or https URL: {serverText}");
                    return CliApplication.InputError;
                }

                var target = new FhirServerTarget(baseUrl, parse.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenVariable));
                jobs.AddRange((parse.GetValue(patients) ?? []).Select(id => new Job(id, (s, ct) => s.FromServerAsync(target, id, ct))));
            }

            if (jobs.Count == 0)
            {
                await console.Error.WriteLineAsync("Nothing to report on: give --bundle FILE|FOLDER, or --fhir-server URL with --patient ID.");
                return CliApplication.InputError;
            }

            using var services = CliServices.Build(parse.GetValue(knowledge), parse.GetValue(profiles));
            var reports = await RunAsync(jobs, services, console, cancellationToken);
            if (reports is null)
            {
                return CliApplication.InputError;
            }

            var set = ReadinessSet.From(reports);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(set, ReadinessJsonContext.Default.ReadinessSet));
            }
            else
            {
                ReadinessTables.Write(console.Table, set, parse.GetValue(allPacks));
            }

            return CliApplication.Success;
        });
        return command;
    }

    private static bool AddBundles(string path, List<Job> jobs, CliConsole console)
    {
        var files = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal).ToList()
            : File.Exists(path) ? [path] : null;
        if (files is null)
        {
            console.Error.WriteLine($"No such file or folder: {path}");
            return false;
        }

        foreach (string file in files)
        {
            // A folder may hold other JSON (an index); only Bundles are patients.
            if (!Directory.Exists(path) || IsBundle(file))
            {
                jobs.Add(new Job(Path.GetFileName(file), (service, _) => Task.FromResult(ReadFile(service, file))));
            }
        }

        return true;
    }

    private static bool IsBundle(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("resourceType", out var t) && t.ValueEquals("Bundle"u8);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ReadinessReport ReadFile(ReadinessService service, string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        return service.FromBundle(document.RootElement);
    }

    private static async Task<List<ReadinessReport>?> RunAsync(List<Job> jobs, IServiceProvider services, CliConsole console, CancellationToken cancellationToken)
    {
        var reports = new List<ReadinessReport>();
        async Task<bool> RunOne(Job job)
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                reports.Add(await job.Run(scope.ServiceProvider.GetRequiredService<ReadinessService>(), cancellationToken));
                return true;
            }
            catch (Exception ex) when (ex is InvalidReadinessRequestException or JsonException or IOException)
            {
                await console.Error.WriteLineAsync($"{job.Label}: {ex.Message}");
                return false;
            }
        }

        if (jobs.Count == 1)
        {
            return await RunOne(jobs[0]) ? reports : null;
        }

        bool ok = true;
        if (!console.Status.Profile.Capabilities.Interactive)
        {
            // Redirected (CI, a log file): one line per patient instead of a live bar.
            for (int i = 0; i < jobs.Count; i++)
            {
                ok &= await RunOne(jobs[i]);
                await console.Error.WriteLineAsync($"[{i + 1}/{jobs.Count}] {jobs[i].Label}");
            }

            return ok ? reports : null;
        }

        await console.Status.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Patients (0/{jobs.Count})", maxValue: jobs.Count);
                foreach (var job in jobs)
                {
                    ok &= await RunOne(job);
                    task.Increment(1);
                    task.Description = $"Patients ({task.Value:0}/{jobs.Count})";
                }
            });
        return ok ? reports : null;
    }

    private sealed record Job(string Label, Func<ReadinessService, CancellationToken, Task<ReadinessReport>> Run);
}

using System.CommandLine;
using CdsHooks.Clinical.Conformance;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Services;
using CdsHooks.Fhir.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace CdsHooks.Cli.Requirements;

/// <summary>
/// <c>cdshooks requirements</c>: prints the data-requirements page generated from a repository's packs, ValueSets and
/// service catalog; <c>--write</c> writes it with the other generated files (coded-result-tests ValueSet, package
/// index); <c>--check</c> fails when the committed files differ.
/// </summary>
internal static class RequirementsCommand
{
    public static Command Create(CliConsole console)
    {
        var repo = new Option<string?>("--repo") { Description = "The repository root (default: the folder holding CdsHooks.sln, from the current folder up)." };
        var write = new Option<bool>("--write") { Description = "Write the generated files into the repository." };
        var check = new Option<bool>("--check") { Description = "Exit 1 when a committed generated file differs from what the packs give." };
        var command = new Command("requirements", "The data elements, codes and prefetch queries each pack uses (docs/data-requirements.md).") { repo, write, check };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string? root = parse.GetValue(repo) ?? FindRepository(Directory.GetCurrentDirectory());
            if (root is null || !File.Exists(Path.Combine(root, "CdsHooks.sln")))
            {
                await console.Error.WriteLineAsync("Cannot find the repository (CdsHooks.sln); run inside it or give --repo.");
                return CliApplication.InputError;
            }

            string profiles = Path.Combine(root, GeneratedArtifacts.ProfilesFolder);
            using var services = CliServices.Build(Path.Combine(root, "seeds", "knowledge"), profiles);
            var files = GeneratedArtifacts.Render(
                services.GetRequiredService<KnowledgeBase>(), services.GetRequiredService<CdsServiceCatalog>(), services.GetRequiredService<ConformancePackage>(), profiles);
            if (parse.GetValue(check))
            {
                var stale = files.Where(f => !File.Exists(Path.Combine(root, f.Key)) || File.ReadAllText(Path.Combine(root, f.Key)) != f.Value).Select(f => f.Key).ToList();
                foreach (string path in stale)
                {
                    await console.Error.WriteLineAsync($"{path} is out of date; run: dotnet run --project src/CdsHooks.Cli -- requirements --write");
                }

                return stale.Count == 0 ? CliApplication.Success : CliApplication.Problems;
            }

            if (parse.GetValue(write))
            {
                foreach (var (path, content) in files)
                {
                    string full = Path.Combine(root, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    await File.WriteAllTextAsync(full, content, cancellationToken);
                    await console.Error.WriteLineAsync($"wrote {path}");
                }

                return CliApplication.Success;
            }

            await console.Out.WriteAsync(files[DataRequirementsPage.RelativePath]);
            return CliApplication.Success;
        });
        return command;
    }

    private static string? FindRepository(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CdsHooks.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

using System.CommandLine;
using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Fhir.Validation;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CdsHooks.Cli.Validation;

/// <summary>
/// <c>cdshooks validate</c>: checks resources (or every entry of a Bundle) against the conformance package and prints
/// one OperationOutcome per file (or a table); exits 1 when any resource has an error.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Description = "FHIR JSON files: a resource or a Bundle each.", Arity = ArgumentArity.OneOrMore };
        var profile = new Option<string?>("--profile") { Description = "Check against this profile (canonical URL) instead of the profiles that apply." };
        var format = CommonOptions.Format();
        var knowledge = CommonOptions.Knowledge();
        var profiles = CommonOptions.Profiles();
        var command = new Command("validate", "Validate FHIR resources against the conformance package (cardinality, types, fixed and pattern values, bindings, invariants).")
        {
            files, profile, format, knowledge, profiles,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = CliServices.Build(parse.GetValue(knowledge), parse.GetValue(profiles));
            var validator = services.GetRequiredService<IResourceValidator>();
            bool json = parse.GetValue(format) == "json";
            bool errors = false;
            foreach (string file in parse.GetValue(files) ?? [])
            {
                OperationOutcome outcome;
                try
                {
                    using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(file, cancellationToken));
                    outcome = Validate(validator, document.RootElement, parse.GetValue(profile));
                }
                catch (Exception ex) when (ex is IOException or JsonException or ArgumentException)
                {
                    await console.Error.WriteLineAsync($"{file}: {ex.Message}");
                    return CliApplication.InputError;
                }

                errors |= outcome.Issue?.Any(i => i.Severity is "error" or "fatal") == true;
                if (json)
                {
                    await console.Out.WriteLineAsync(FhirJson.Serialize(outcome));
                }
                else
                {
                    Write(console.Table, file, outcome);
                }
            }

            return errors ? CliApplication.Problems : CliApplication.Success;
        });
        return command;
    }

    // A Bundle's entries are checked one by one; their locations are rooted at the Bundle.
    private static OperationOutcome Validate(IResourceValidator validator, JsonElement root, string? profile)
    {
        var issues = new List<OperationOutcomeIssue>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("resourceType", out var type) && type.ValueEquals("Bundle"u8))
        {
            int index = 0;
            foreach (var entry in root.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array ? entries.EnumerateArray() : default)
            {
                if (entry.TryGetProperty("resource", out var resource))
                {
                    var report = profile is null ? validator.Validate(resource) : validator.Validate(resource, profile);
                    string prefix = $"Bundle.entry[{index}].resource";
                    issues.AddRange(report.Issues.Select(i => i with { Expression = i.Expression?.Select(e => prefix + e[report.ResourceType.Length..]).ToList() }));
                }

                index++;
            }
        }
        else
        {
            issues.AddRange((profile is null ? validator.Validate(root) : validator.Validate(root, profile)).Issues);
        }

        return issues.Count > 0 ? new OperationOutcome { Issue = issues } : OperationOutcome.Create("information", "informational", "No issues: every resource conforms.");
    }

    private static void Write(IAnsiConsole console, string file, OperationOutcome outcome)
    {
        var table = new Table().Title(Markup.Escape(file)).AddColumns("Severity", "Location", "Code", "Finding");
        foreach (var issue in outcome.Issue ?? [])
        {
            table.AddRow(
                Markup.Escape(issue.Severity ?? ""),
                Markup.Escape(string.Join(", ", issue.Expression ?? [])),
                Markup.Escape(ValidationReport.CodeOf(issue) ?? issue.Code ?? ""),
                Markup.Escape(issue.Diagnostics ?? ""));
        }

        console.Write(table);
    }
}

using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Demo;

/// <summary>Checks the rules of <see cref="DemoOptions"/> that span fields or touch the disk.</summary>
internal sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.DefaultPageSize > options.MaxPageSize)
        {
            failures.Add($"{DemoOptions.SectionName}:DefaultPageSize ({options.DefaultPageSize}) must not exceed {DemoOptions.SectionName}:MaxPageSize ({options.MaxPageSize}).");
        }

        // The folder only matters when the endpoint is on; a disabled demo must not need seeds on disk.
        if (options.Enabled && !string.IsNullOrWhiteSpace(options.PatientsDirectory))
        {
            var directory = options.ResolvePatientsDirectory();
            if (!File.Exists(Path.Combine(directory, DemoFhirLoader.IndexFileName)))
            {
                failures.Add($"{DemoOptions.SectionName}:PatientsDirectory '{directory}' holds no {DemoFhirLoader.IndexFileName}; point it at seeds/patients or set {DemoOptions.SectionName}:Enabled=false.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace CdsHooks.Service.FhirBackend;

/// <summary>Checks an enabled backend credential at startup.</summary>
internal sealed class FhirBackendOptionsValidator : IValidateOptions<FhirBackendOptions>
{
    public ValidateOptionsResult Validate(string? name, FhirBackendOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add("FhirBackend:Authority must be an https URL, e.g. https://login.microsoftonline.com/{tenant-id}.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            errors.Add("FhirBackend:ClientId and FhirBackend:ClientSecret are required.");
        }

        if (options.Scopes.Count == 0)
        {
            errors.Add("FhirBackend:Scopes needs at least one scope, e.g. https://{fhir-service}.fhir.azurehealthcareapis.com/.default.");
        }

        if (options.FhirServers.Count == 0 || options.FhirServers.Any(s => !Uri.TryCreate(s, UriKind.Absolute, out _)))
        {
            errors.Add("FhirBackend:FhirServers must list the absolute FHIR base URLs the token may be sent to.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

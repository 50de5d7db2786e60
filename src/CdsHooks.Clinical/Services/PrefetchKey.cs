namespace CdsHooks.Clinical.Services;

/// <summary>One prefetch template a service publishes in discovery, and what it supplies.</summary>
/// <param name="Key">The prefetch key, e.g. <c>conditions</c>.</param>
/// <param name="Template">The template, relative to <c>fhirServer</c>, e.g. <c>Condition?patient={{context.patientId}}</c>.</param>
/// <param name="ResourceType">The FHIR resource type the key supplies.</param>
public sealed record PrefetchKey(string Key, string Template, string ResourceType)
{
    /// <summary>Whether the template is an instance read (<c>Patient/{{context.patientId}}</c>) rather than a search.</summary>
    public bool IsRead => !Template.Contains('?', StringComparison.Ordinal);
}

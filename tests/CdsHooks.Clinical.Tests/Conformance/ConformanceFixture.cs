using System.Text.Json;
using CdsHooks.Clinical.Conformance;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Fhir.Validation;
using CdsHooks.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CdsHooks.Clinical.Tests.Conformance;

/// <summary>The real conformance package and validator, with the real terminology answering binding checks.</summary>
public static class ConformanceFixture
{
    private static readonly Lazy<ConformancePackage> LazyPackage = new(() => ConformancePackage.LoadDirectory(RepoPaths.Profiles));
    private static readonly Lazy<ProfileValidator> LazyValidator = new(() => new ProfileValidator(Package, new TerminologyMembership(ClinicalFixture.Knowledge.Terminology)));

    public static ConformancePackage Package => LazyPackage.Value;

    public static ProfileValidator Validator => LazyValidator.Value;

    public static IncomingDataCheck Check(IncomingDataMode mode = IncomingDataMode.SetAside) =>
        new(Validator, Package, MsOptions.Create(new ConformanceOptions { IncomingData = mode }), NullLogger<IncomingDataCheck>.Instance);

    public static ValidationReport Validate(Resource resource) => Validator.Validate(FhirJson.SerializeToElement(resource));

    /// <summary>A resource re-read after one exact text replacement in its JSON.</summary>
    public static T Changed<T>(T resource, string find, string replace)
        where T : Resource
    {
        string json = FhirJson.Serialize(resource);
        Assert.Contains(find, json, StringComparison.Ordinal);
        return (T)FhirJson.DeserializeResource(JsonDocument.Parse(json.Replace(find, replace, StringComparison.Ordinal)).RootElement);
    }
}

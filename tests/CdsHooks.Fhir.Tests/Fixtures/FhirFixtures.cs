namespace CdsHooks.Fhir.Tests.Fixtures;

/// <summary>Loads the synthetic FHIR JSON examples in this folder by name.</summary>
internal static class FhirFixtures
{
    public static byte[] Load(string name)
        => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"));
}

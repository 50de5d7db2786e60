using System.Reflection;

namespace CdsHooks.Architecture.Tests;

/// <summary>
/// Arrows only point down: Service and Cli → Clinical → (Protocol, Fhir); Protocol and Fhir are leaves; only the
/// Service references ASP.NET Core, and nothing references the Service or the Cli. Read from the compiled assemblies' references, so a stray project or package reference
/// fails here rather than in a review.
/// </summary>
public class DependencyDirectionTests
{
    public static TheoryData<string, string[]> AllowedProjectReferences => new()
    {
        { "CdsHooks.Protocol", [] },
        { "CdsHooks.Fhir", [] },
        { "CdsHooks.Clinical", ["CdsHooks.Protocol", "CdsHooks.Fhir"] },
        { "CdsHooks.Service", ["CdsHooks.Protocol", "CdsHooks.Fhir", "CdsHooks.Clinical"] },
        { "cdshooks", ["CdsHooks.Protocol", "CdsHooks.Fhir", "CdsHooks.Clinical"] },
    };

    [Theory]
    [MemberData(nameof(AllowedProjectReferences))]
    public void Project_ReferencesOnlyTheProjectsBelowIt(string assembly, string[] allowed)
    {
        var references = ProjectReferences(assembly);

        Assert.Empty(references.Except(allowed, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("CdsHooks.Protocol")]
    [InlineData("CdsHooks.Fhir")]
    [InlineData("CdsHooks.Clinical")]
    [InlineData("cdshooks")]
    public void LibraryProject_DoesNotReferenceAspNetCore(string assembly)
    {
        var aspNet = Load(assembly).GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(aspNet);
    }

    [Fact]
    public void TheHost_IsTheOnlyAssemblyReferencingAspNetCore()
    {
        Assert.Contains(Load("CdsHooks.Service").GetReferencedAssemblies(), r => r.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    private static List<string> ProjectReferences(string assembly) =>
        Load(assembly).GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("CdsHooks.", StringComparison.Ordinal))
            .ToList();

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));
}

namespace CdsHooks.Testing;

/// <summary>Locates the repository from a test's output folder, so tests can read seeds/ and fhir-profiles/.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding CdsHooks.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>seeds/patients.</summary>
    public static string Patients => Path.Combine(Root, "seeds", "patients");

    /// <summary>seeds/knowledge.</summary>
    public static string Knowledge => Path.Combine(Root, "seeds", "knowledge");

    /// <summary>fhir-profiles.</summary>
    public static string Profiles => Path.Combine(Root, "fhir-profiles");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CdsHooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CdsHooks.sln not found above " + AppContext.BaseDirectory);
    }
}

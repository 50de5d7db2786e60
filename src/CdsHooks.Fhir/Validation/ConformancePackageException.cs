namespace CdsHooks.Fhir.Validation;

/// <summary>A conformance resource (StructureDefinition) could not be loaded; the message names the file and the JSON location.</summary>
public sealed class ConformancePackageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file, relative to the package folder.</param>
    /// <param name="location">The JSON pointer of the problem, e.g. <c>/differential/element/3/path</c>.</param>
    /// <param name="problem">What is wrong and what to change.</param>
    public ConformancePackageException(string file, string location, string problem)
        : base($"{file} at {location}: {problem}")
    {
        File = file;
        Location = location;
    }

    /// <summary>The file, relative to the package folder.</summary>
    public string File { get; }

    /// <summary>The JSON pointer of the problem.</summary>
    public string Location { get; }
}

namespace CdsHooks.Clinical.Terminology;

/// <summary>A conformance resource in <c>fhir-profiles/</c> could not be loaded; startup stops.</summary>
public sealed class TerminologyLoadException : Exception
{
    /// <summary>Creates the exception with the file, the JSON location and what to change.</summary>
    public TerminologyLoadException(string file, string location, string problem)
        : base($"{file} at {location}: {problem}")
    {
        File = file;
        Location = location;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; } = "";

    /// <summary>The JSON pointer of the problem.</summary>
    public string Location { get; } = "";

    /// <inheritdoc/>
    public TerminologyLoadException()
    {
    }

    /// <inheritdoc/>
    public TerminologyLoadException(string message)
        : base(message)
    {
    }

    /// <inheritdoc/>
    public TerminologyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

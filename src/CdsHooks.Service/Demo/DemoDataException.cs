namespace CdsHooks.Service.Demo;

/// <summary>
/// The demo patient data could not be loaded; thrown at startup so the host stops. The message names
/// the file and, for FHIR JSON problems, the <c>FHIR-JSON-*</c> code and JSON path.
/// </summary>
internal sealed class DemoDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file at fault.</param>
    /// <param name="problem">What is wrong with it (no patient data).</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DemoDataException(string file, string problem, Exception? innerException = null)
        : base($"{DemoFhirErrorCodes.DataLoad}: demo patient data in '{file}' could not be loaded: {problem} Fix the file, or set {DemoOptions.SectionName}:Enabled=false.", innerException)
    {
        File = file;
    }

    /// <summary>The full path of the file at fault.</summary>
    public string File { get; }
}

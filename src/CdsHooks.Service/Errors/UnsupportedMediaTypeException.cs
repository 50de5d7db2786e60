namespace CdsHooks.Service.Errors;

/// <summary>The request body is declared as something other than JSON (answered with 415).</summary>
public sealed class UnsupportedMediaTypeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnsupportedMediaTypeException()
        : base("The request body must be JSON: send Content-Type application/json (or application/fhir+json).")
    {
    }
}

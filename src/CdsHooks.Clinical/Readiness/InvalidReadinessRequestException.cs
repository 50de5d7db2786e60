namespace CdsHooks.Clinical.Readiness;

/// <summary>A readiness request cannot be answered as sent (answered with 400); the message says what to send instead.</summary>
public sealed class InvalidReadinessRequestException : Exception
{
    /// <summary>The body is neither a Bundle nor a request naming a patient and a FHIR server.</summary>
    public const string UnsupportedBody = "READY-001";

    /// <summary>The patient the data is about cannot be told.</summary>
    public const string UnknownPatient = "READY-002";

    /// <summary><c>fhirServer</c> is not an absolute http(s) URL.</summary>
    public const string InvalidFhirServer = "READY-003";

    /// <summary>Creates the exception.</summary>
    /// <param name="code">One of the codes above.</param>
    /// <param name="message">What is wrong and what to send; no patient data.</param>
    public InvalidReadinessRequestException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>The stable code.</summary>
    public string Code { get; }
}

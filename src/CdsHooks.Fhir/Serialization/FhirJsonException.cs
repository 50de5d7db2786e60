using System.Text.Json;

namespace CdsHooks.Fhir.Serialization;

/// <summary>
/// FHIR JSON could not be read. <see cref="Code"/> is stable (see <see cref="FhirJsonErrorCodes"/>) and
/// <see cref="InstancePath"/> locates the problem; the message never contains resource content.
/// </summary>
public sealed class FhirJsonException : JsonException
{
    private readonly string _description;

    // The part of the path below the point where System.Text.Json will set JsonException.Path:
    // nested resources are read by separate deserializer calls, so each level adds its own prefix.
    private readonly string _relativePath;

    /// <summary>Creates an exception with a code and a description.</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="description">What is wrong, without any resource content.</param>
    public FhirJsonException(string code, string description)
        : this(code, description, string.Empty, null)
    {
    }

    internal FhirJsonException(string code, string description, string relativePath, Exception? innerException)
        : base(description, innerException)
    {
        Code = code;
        _description = description;
        _relativePath = relativePath;
    }

    /// <summary>The stable error code, e.g. <c>FHIR-JSON-002</c>.</summary>
    public string Code { get; }

    /// <summary>The JSON path of the problem, e.g. <c>$.entry[3].resource.birthDate</c>.</summary>
    public string InstancePath => (Path ?? "$") + _relativePath;

    /// <inheritdoc />
    public override string Message => $"{Code}: {_description} (at '{InstancePath}')";

    /// <summary>The error as a value, for the collecting <c>Try</c> API.</summary>
    /// <returns>The error.</returns>
    public FhirJsonError ToError() => new(Code, InstancePath, Message);

    /// <summary>Wraps an error raised inside a nested resource so the outer reader can prefix its path.</summary>
    internal static FhirJsonException Nest(JsonException inner)
    {
        var translated = Translate(inner);
        var path = translated.InstancePath;
        return new FhirJsonException(translated.Code, translated._description, path.Length > 1 ? path[1..] : string.Empty, translated.InnerException);
    }

    /// <summary>Turns any <see cref="JsonException"/> from the deserializer into a coded one.</summary>
    internal static FhirJsonException Translate(JsonException exception)
    {
        if (exception is FhirJsonException fhir)
        {
            return fhir;
        }

        var relative = exception.Path is { Length: > 1 } p ? p[1..] : string.Empty;

        // System.Text.Json raises plain JsonException for a value of the wrong JSON type, and a
        // subclass (the internal JsonReaderException) for text that is not well-formed JSON; the
        // serializer wraps the latter in a plain JsonException, so look one level in as well.
        var malformed = exception.GetType() != typeof(JsonException) || exception.InnerException is JsonException;
        return !malformed
            ? new FhirJsonException(FhirJsonErrorCodes.InvalidElementType, "The element has the wrong JSON type for its FHIR datatype.", relative, exception)
            : new FhirJsonException(FhirJsonErrorCodes.InvalidJson, "The text is not well-formed JSON.", relative, exception);
    }
}

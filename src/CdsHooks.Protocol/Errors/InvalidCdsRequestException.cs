namespace CdsHooks.Protocol.Errors;

/// <summary>
/// A CDS Hooks request or feedback body was rejected. The message names the field and what is wrong with it and never
/// contains request content, so it is safe to log and to return to the caller.
/// </summary>
public sealed class InvalidCdsRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">A code from <see cref="CdsErrorCodes"/>.</param>
    /// <param name="message">What is wrong, naming the field; no request content.</param>
    /// <param name="path">The JSON path of the offending element, e.g. <c>context.patientId</c>; <c>null</c> when not applicable.</param>
    public InvalidCdsRequestException(string code, string message, string? path)
        : base(message)
    {
        Code = code;
        Path = path;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    /// <param name="code">A code from <see cref="CdsErrorCodes"/>.</param>
    /// <param name="message">What is wrong, naming the field; no request content.</param>
    /// <param name="path">The JSON path of the offending element; <c>null</c> when not applicable.</param>
    /// <param name="innerException">The underlying cause.</param>
    public InvalidCdsRequestException(string code, string message, string? path, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
        Path = path;
    }

    /// <summary>The stable error code, from <see cref="CdsErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The JSON path of the offending element (<c>$</c> for the root), or <c>null</c>.</summary>
    public string? Path { get; }
}

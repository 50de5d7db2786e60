namespace CdsHooks.Testing.Json;

/// <summary>Raised by <see cref="JsonAssert"/> when two JSON values differ; the message names the first differing path.</summary>
public sealed class JsonNotEquivalentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JsonNotEquivalentException(string message)
        : base("JSON values differ at " + message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public JsonNotEquivalentException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public JsonNotEquivalentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

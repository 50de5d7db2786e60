namespace CdsHooks.Testing;

/// <summary>Thrown by <see cref="CdsJsonAssert"/> when two JSON values differ; the message names the first differing path.</summary>
public sealed class CdsJsonMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CdsJsonMismatchException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The first difference.</param>
    public CdsJsonMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The first difference.</param>
    /// <param name="innerException">The cause.</param>
    public CdsJsonMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

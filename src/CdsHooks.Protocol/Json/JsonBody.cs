using System.Buffers;
using System.Globalization;
using System.Text.Json;
using CdsHooks.Protocol.Errors;

namespace CdsHooks.Protocol.Json;

/// <summary>
/// A request body parsed once into a <see cref="JsonDocument"/> over a pooled buffer. The document does not copy the
/// bytes, so the buffer is returned to the pool only when this object is disposed.
/// </summary>
internal sealed class JsonBody : IDisposable
{
    private const int InitialBufferSize = 16 * 1024;
    private byte[]? _buffer;

    private JsonBody(byte[] buffer, JsonDocument document)
    {
        _buffer = buffer;
        Document = document;
    }

    public JsonDocument Document { get; }

    public static async ValueTask<JsonBody> ReadAsync(Stream body, CdsRequestReaderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(options);
        int initial = InitialBufferSize;
        if (body.CanSeek)
        {
            long remaining = body.Length - body.Position;
            if (remaining > options.MaxBytes)
            {
                throw TooLarge(options.MaxBytes);
            }

            initial = (int)Math.Clamp(remaining + 1, 1, options.MaxBytes + 1);
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(initial);
        int length = 0;
        try
        {
            while (true)
            {
                if (length > options.MaxBytes)
                {
                    throw TooLarge(options.MaxBytes);
                }

                if (length == buffer.Length)
                {
                    // One byte past the limit is enough to tell that the body is too large.
                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, options.MaxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            if (length > options.MaxBytes)
            {
                throw TooLarge(options.MaxBytes);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return Parse(buffer, length, options);
    }

    public static JsonBody Read(ReadOnlySpan<byte> utf8Json, CdsRequestReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (utf8Json.Length > options.MaxBytes)
        {
            throw TooLarge(options.MaxBytes);
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(utf8Json.Length, 1));
        utf8Json.CopyTo(buffer);
        return Parse(buffer, utf8Json.Length, options);
    }

    public void Dispose()
    {
        Document.Dispose();
        byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static JsonBody Parse(byte[] buffer, int length, CdsRequestReaderOptions options)
    {
        int start = buffer.AsSpan(0, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var memory = new ReadOnlyMemory<byte>(buffer, start, length - start);
        var documentOptions = new JsonDocumentOptions
        {
            MaxDepth = options.MaxDepth,
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        if (JsonTextCheck.Problem(memory.Span) is { } notText)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new InvalidCdsRequestException(CdsErrorCodes.MalformedJson, notText, JsonPath.Root);
        }

        try
        {
            return new JsonBody(buffer, JsonDocument.Parse(memory, documentOptions));
        }
        catch (JsonException ex)
        {
            InvalidCdsRequestException error = Classify(memory.Span, options.MaxDepth, ex);
            ArrayPool<byte>.Shared.Return(buffer);
            throw error;
        }
    }

    private static InvalidCdsRequestException TooLarge(long maxBytes) => new(
        CdsErrorCodes.BodyTooLarge,
        string.Create(CultureInfo.InvariantCulture, $"The request body exceeds the maximum size of {maxBytes} bytes."),
        JsonPath.Root);

    // The parser's own message quotes body content, so it is neither copied nor attached as the inner exception.
    private static InvalidCdsRequestException Classify(ReadOnlySpan<byte> json, int maxDepth, JsonException parseError)
    {
        if (json.IsEmpty)
        {
            return new InvalidCdsRequestException(CdsErrorCodes.MalformedJson, "The request body is empty; a JSON object is required.", JsonPath.Root);
        }

        if (ExceedsDepth(json, maxDepth))
        {
            return new InvalidCdsRequestException(
                CdsErrorCodes.JsonTooDeep,
                string.Create(CultureInfo.InvariantCulture, $"The JSON nesting depth exceeds the maximum of {maxDepth}."),
                NormalisePath(parseError.Path));
        }

        string where = parseError.LineNumber is long line
            ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {parseError.BytePositionInLine + 1}")
            : string.Empty;
        return new InvalidCdsRequestException(
            CdsErrorCodes.MalformedJson,
            $"The request body is not well-formed JSON{where}.",
            NormalisePath(parseError.Path));
    }

    private static bool ExceedsDepth(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            MaxDepth = int.MaxValue,
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed before reaching the depth limit.
        }

        return false;
    }

    private static string NormalisePath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return JsonPath.Root;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
    }
}

using System.Buffers;

namespace CdsHooks.Fhir.Rest;

/// <summary>Reads a response body with a size bound, so a huge or endless answer cannot exhaust memory.</summary>
internal static class FhirResponseReader
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Reads the whole body, failing as soon as it exceeds <paramref name="maxBytes"/>.</summary>
    /// <exception cref="FhirRequestException"><see cref="FhirRestErrorCodes.ResponseTooLarge"/>.</exception>
    public static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpContent content, int maxBytes, FhirRequestInfo info, int statusCode, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw TooLarge(info, maxBytes, statusCode);
        }

        using var buffer = new MemoryStream(declared is { } length ? (int)length : ChunkSize);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(info, maxBytes, statusCode);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static FhirRequestException TooLarge(FhirRequestInfo info, int maxBytes, int statusCode)
        => info.Failure(FhirRestErrorCodes.ResponseTooLarge, $"The response body is larger than the limit of {maxBytes} bytes.", statusCode);
}

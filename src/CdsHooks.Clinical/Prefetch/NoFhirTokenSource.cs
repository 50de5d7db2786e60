namespace CdsHooks.Clinical.Prefetch;

/// <summary>The default <see cref="IFhirTokenSource"/>: only the EHR's <c>fhirAuthorization</c> is ever used.</summary>
public sealed class NoFhirTokenSource : IFhirTokenSource
{
    /// <inheritdoc/>
    public ValueTask<string?> GetTokenAsync(Uri fhirServer, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}

namespace CdsHooks.Service.Security;

/// <summary>
/// Remembers the <c>jti</c> of every accepted client JWT until it expires, so that a token replayed to any instance
/// sharing the store is refused (CDS Hooks best practice: short-term storage for the longest token lifetime).
/// </summary>
public interface IReplayCache
{
    /// <summary>Records a token id; false when the same issuer's id is already recorded and not yet expired.</summary>
    /// <param name="issuer">The token's <c>iss</c>: ids are unique per issuer only.</param>
    /// <param name="jti">The token's <c>jti</c>.</param>
    /// <param name="expiresAt">When the token stops being acceptable (its <c>exp</c> plus the clock skew).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<bool> TryRememberAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Deletes the ids whose tokens have expired.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}

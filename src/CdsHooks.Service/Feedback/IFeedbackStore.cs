using CdsHooks.Protocol.Feedback;

namespace CdsHooks.Service.Feedback;

/// <summary>
/// Durable, idempotent storage of CDS Hooks feedback. The same feedback sent twice is stored once: EHRs may resend,
/// and the spec allows feedback for one card to arrive several times. SQLite is the default; a PostgreSQL store
/// implements the same contract for several instances.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Stores the items that are not stored yet, atomically.</summary>
    /// <param name="serviceId">The service the feedback was sent to.</param>
    /// <param name="items">The feedback items.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many items were new.</returns>
    Task<int> StoreAsync(string serviceId, IReadOnlyList<FeedbackItem> items, CancellationToken cancellationToken);

    /// <summary>The stored feedback for a card, oldest first (for audit and tests).</summary>
    Task<IReadOnlyList<StoredFeedback>> FindByCardAsync(string cardUuid, CancellationToken cancellationToken);
}

namespace CdsHooks.Service.Feedback;

/// <summary>One stored feedback item, as kept.</summary>
/// <param name="Id">The idempotency key: a hash of everything the item says.</param>
/// <param name="ServiceId">The service it was sent to.</param>
/// <param name="CardUuid">The card's uuid.</param>
/// <param name="Outcome"><c>accepted</c> or <c>overridden</c>.</param>
/// <param name="AcceptedSuggestions">The uuids of the accepted suggestions.</param>
/// <param name="OverrideReasonCode">The override reason as <c>system|code</c>, when given.</param>
/// <param name="OverrideComment">The user's free-text comment, when given.</param>
/// <param name="OutcomeTimestamp">When the user acted.</param>
/// <param name="ReceivedAt">When the service first received it.</param>
public sealed record StoredFeedback(
    string Id,
    string ServiceId,
    string CardUuid,
    string Outcome,
    IReadOnlyList<string> AcceptedSuggestions,
    string? OverrideReasonCode,
    string? OverrideComment,
    DateTimeOffset OutcomeTimestamp,
    DateTimeOffset ReceivedAt);

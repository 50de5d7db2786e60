namespace CdsHooks.Protocol.Feedback;

/// <summary>The body of <c>POST {baseUrl}/cds-services/{id}/feedback</c>: feedback on one or more cards.</summary>
public sealed record FeedbackRequest
{
    /// <summary>REQUIRED. The feedback items; never empty when read through <see cref="Json.FeedbackReader"/>.</summary>
    public required IReadOnlyList<FeedbackItem> Feedback { get; init; }
}

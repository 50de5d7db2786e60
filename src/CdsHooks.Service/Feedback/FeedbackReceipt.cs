namespace CdsHooks.Service.Feedback;

/// <summary>The answer to a feedback call: how many items arrived and how many were new (the rest were repeats).</summary>
/// <param name="Received">Items in the request.</param>
/// <param name="Stored">Items not stored before.</param>
public sealed record FeedbackReceipt(int Received, int Stored);

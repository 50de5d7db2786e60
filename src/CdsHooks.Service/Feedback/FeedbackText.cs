using System.Globalization;
using CdsHooks.Protocol.Feedback;

namespace CdsHooks.Service.Feedback;

/// <summary>How feedback fields are written for storage: the spec's strings, and UTC instants to the tick.</summary>
internal static class FeedbackText
{
    public static string Outcome(FeedbackOutcome outcome) => outcome == FeedbackOutcome.Accepted ? "accepted" : "overridden";

    public static string? Reason(OverrideReason? reason) =>
        reason?.Reason is { } coding ? $"{coding.System}|{coding.Code}" : null;

    public static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CdsHooks.Protocol.Feedback;

namespace CdsHooks.Service.Feedback;

/// <summary>
/// The idempotency key of a feedback item: a SHA-256 over everything it says (service, card, outcome, accepted
/// suggestions in any order, override reason and comment, timestamp). A resend hashes to the same key; a changed
/// item (another outcome, a later timestamp) is new feedback.
/// </summary>
internal static class FeedbackKey
{
    public static string Of(string serviceId, FeedbackItem item)
    {
        var text = new StringBuilder();
        Append(text, serviceId);
        Append(text, item.Card);
        Append(text, FeedbackText.Outcome(item.Outcome));
        foreach (string id in (item.AcceptedSuggestions ?? []).Select(s => s.Id).Order(StringComparer.Ordinal))
        {
            Append(text, id);
        }

        Append(text, FeedbackText.Reason(item.OverrideReason));
        Append(text, item.OverrideReason?.UserComment);
        Append(text, FeedbackText.Timestamp(item.OutcomeTimestamp));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // Length-prefixed, so that no two different items can produce the same text.
    private static void Append(StringBuilder text, string? value) =>
        text.Append(value?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(value).Append(';');
}

using CdsHooks.Protocol.Errors;
using CdsHooks.Protocol.Json;

namespace CdsHooks.Protocol.Feedback;

/// <summary>Checks the feedback invariants cds-fb-2 and cds-fb-3 (cds-fb-1, the outcome value set, is enforced by the enum).</summary>
public static class FeedbackValidator
{
    /// <summary>Throws when a feedback item breaks an invariant.</summary>
    /// <param name="request">The feedback body.</param>
    /// <exception cref="InvalidCdsRequestException">With code <see cref="CdsErrorCodes.InvalidFeedback"/> and the item's path.</exception>
    public static void Validate(FeedbackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Feedback.Count == 0)
        {
            throw new InvalidCdsRequestException(CdsErrorCodes.InvalidFeedback, "'feedback' must contain at least one item.", "feedback");
        }

        for (int i = 0; i < request.Feedback.Count; i++)
        {
            Validate(request.Feedback[i], JsonPath.Index("feedback", i));
        }
    }

    /// <summary>Throws when one feedback item breaks an invariant.</summary>
    /// <param name="item">The item.</param>
    /// <param name="path">The item's path, used in the error, e.g. <c>feedback[0]</c>.</param>
    /// <exception cref="InvalidCdsRequestException">With code <see cref="CdsErrorCodes.InvalidFeedback"/>.</exception>
    public static void Validate(FeedbackItem item, string path)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrEmpty(item.Card))
        {
            throw new InvalidCdsRequestException(CdsErrorCodes.InvalidFeedback, $"'{path}.card' must be a non-empty card uuid.", $"{path}.card");
        }

        if (item.Outcome == FeedbackOutcome.Accepted && (item.AcceptedSuggestions is null || item.AcceptedSuggestions.Count == 0))
        {
            throw new InvalidCdsRequestException(
                CdsErrorCodes.InvalidFeedback,
                $"'{path}.acceptedSuggestions' is required and must not be empty when the outcome is 'accepted' (cds-fb-2).",
                $"{path}.acceptedSuggestions");
        }

        if (item.AcceptedSuggestions is not null)
        {
            for (int i = 0; i < item.AcceptedSuggestions.Count; i++)
            {
                if (string.IsNullOrEmpty(item.AcceptedSuggestions[i].Id))
                {
                    string itemPath = $"{JsonPath.Index($"{path}.acceptedSuggestions", i)}.id";
                    throw new InvalidCdsRequestException(CdsErrorCodes.InvalidFeedback, $"'{itemPath}' must be a non-empty suggestion uuid.", itemPath);
                }
            }
        }

        if (item.OverrideReason is { } reason && reason.Reason is null && string.IsNullOrEmpty(reason.UserComment))
        {
            throw new InvalidCdsRequestException(
                CdsErrorCodes.InvalidFeedback,
                $"'{path}.overrideReason' must have a 'reason' or a 'userComment' (cds-fb-3).",
                $"{path}.overrideReason");
        }
    }
}

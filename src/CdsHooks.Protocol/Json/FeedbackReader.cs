using System.Text.Json;
using CdsHooks.Protocol.Cards;
using CdsHooks.Protocol.Errors;
using CdsHooks.Protocol.Feedback;

namespace CdsHooks.Protocol.Json;

/// <summary>
/// Reads and validates the body of <c>POST {baseUrl}/cds-services/{id}/feedback</c>. Feedback bodies are small, so
/// the result owns copies of its extension elements and needs no disposal. Errors carry
/// <see cref="CdsErrorCodes"/> codes: JSON-level problems use the request codes (001, 002, 003, 008), broken feedback
/// rules use <see cref="CdsErrorCodes.InvalidFeedback"/>.
/// </summary>
public static class FeedbackReader
{
    /// <summary>Reads a feedback body from a stream with the default limits.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The validated feedback.</returns>
    /// <exception cref="InvalidCdsRequestException">The body is not valid feedback.</exception>
    public static ValueTask<FeedbackRequest> ReadAsync(Stream body, CancellationToken cancellationToken) =>
        ReadAsync(body, CdsRequestReaderOptions.Default, cancellationToken);

    /// <summary>Reads a feedback body from a stream.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="options">Reading limits.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The validated feedback.</returns>
    /// <exception cref="InvalidCdsRequestException">The body is not valid feedback.</exception>
    public static async ValueTask<FeedbackRequest> ReadAsync(Stream body, CdsRequestReaderOptions options, CancellationToken cancellationToken)
    {
        using JsonBody parsed = await JsonBody.ReadAsync(body, options, cancellationToken).ConfigureAwait(false);
        return FromElement(parsed.Document.RootElement);
    }

    /// <summary>Reads a feedback body from UTF-8 bytes with the default limits.</summary>
    /// <param name="utf8Json">The request body.</param>
    /// <returns>The validated feedback.</returns>
    /// <exception cref="InvalidCdsRequestException">The body is not valid feedback.</exception>
    public static FeedbackRequest Read(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, CdsRequestReaderOptions.Default);

    /// <summary>Reads a feedback body from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The request body.</param>
    /// <param name="options">Reading limits.</param>
    /// <returns>The validated feedback.</returns>
    /// <exception cref="InvalidCdsRequestException">The body is not valid feedback.</exception>
    public static FeedbackRequest Read(ReadOnlySpan<byte> utf8Json, CdsRequestReaderOptions options)
    {
        using JsonBody parsed = JsonBody.Read(utf8Json, options);
        return FromElement(parsed.Document.RootElement);
    }

    /// <summary>Builds and validates feedback from a parsed root element. Extension elements are cloned.</summary>
    /// <param name="root">The root element.</param>
    /// <returns>The validated feedback.</returns>
    /// <exception cref="InvalidCdsRequestException">The element is not valid feedback.</exception>
    public static FeedbackRequest FromElement(JsonElement root)
    {
        JsonFields.EnsureObject(root, JsonPath.Root);
        JsonElement array = JsonFields.RequiredArray(root, "feedback", JsonPath.Root);
        var items = new List<FeedbackItem>(array.GetArrayLength());
        int index = 0;
        foreach (JsonElement element in array.EnumerateArray())
        {
            items.Add(ReadItem(element, JsonPath.Index("feedback", index++)));
        }

        var request = new FeedbackRequest { Feedback = items };
        FeedbackValidator.Validate(request);
        return request;
    }

    private static FeedbackItem ReadItem(JsonElement item, string path)
    {
        JsonFields.EnsureObject(item, path);
        string card = JsonFields.RequiredString(item, "card", path);
        FeedbackOutcome outcome = ReadOutcome(item, path);
        IReadOnlyList<AcceptedSuggestion>? accepted = ReadAcceptedSuggestions(item, path);
        OverrideReason? overrideReason = ReadOverrideReason(item, path);
        DateTimeOffset timestamp = ReadTimestamp(item, path);
        JsonElement? extension = JsonFields.OptionalObject(item, "extension", path)?.Clone();
        return new FeedbackItem
        {
            Card = card,
            Outcome = outcome,
            AcceptedSuggestions = accepted,
            OverrideReason = overrideReason,
            OutcomeTimestamp = timestamp,
            Extension = extension,
        };
    }

    private static FeedbackOutcome ReadOutcome(JsonElement item, string path)
    {
        string outcome = JsonFields.RequiredString(item, "outcome", path);
        return outcome switch
        {
            "accepted" => FeedbackOutcome.Accepted,
            "overridden" => FeedbackOutcome.Overridden,
            _ => throw new InvalidCdsRequestException(
                CdsErrorCodes.InvalidFeedback,
                $"'{path}.outcome' must be 'accepted' or 'overridden' (cds-fb-1).",
                $"{path}.outcome"),
        };
    }

    private static AcceptedSuggestion[]? ReadAcceptedSuggestions(JsonElement item, string path)
    {
        JsonElement? maybe = JsonFields.OptionalArray(item, "acceptedSuggestions", path);
        if (maybe is not { } array)
        {
            return null;
        }

        string arrayPath = JsonPath.Property(path, "acceptedSuggestions");
        var result = new AcceptedSuggestion[array.GetArrayLength()];
        int index = 0;
        foreach (JsonElement suggestion in array.EnumerateArray())
        {
            string suggestionPath = JsonPath.Index(arrayPath, index);
            JsonFields.EnsureObject(suggestion, suggestionPath);
            result[index++] = new AcceptedSuggestion { Id = JsonFields.RequiredString(suggestion, "id", suggestionPath) };
        }

        return result;
    }

    private static OverrideReason? ReadOverrideReason(JsonElement item, string path)
    {
        JsonElement? maybe = JsonFields.OptionalObject(item, "overrideReason", path);
        if (maybe is not { } reason)
        {
            return null;
        }

        string reasonPath = JsonPath.Property(path, "overrideReason");
        CdsCoding? coding = null;
        if (JsonFields.OptionalObject(reason, "reason", reasonPath) is { } codingElement)
        {
            string codingPath = JsonPath.Property(reasonPath, "reason");
            coding = new CdsCoding
            {
                Code = JsonFields.RequiredString(codingElement, "code", codingPath),
                System = JsonFields.RequiredString(codingElement, "system", codingPath),
                Display = JsonFields.OptionalString(codingElement, "display", codingPath),
            };
        }

        return new OverrideReason
        {
            Reason = coding,
            UserComment = JsonFields.OptionalString(reason, "userComment", reasonPath),
        };
    }

    private static DateTimeOffset ReadTimestamp(JsonElement item, string path)
    {
        string timestampPath = JsonPath.Property(path, "outcomeTimestamp");
        string text = JsonFields.RequiredString(item, "outcomeTimestamp", path);

        if (!UtcInstantConverter.TryParse(text, out DateTimeOffset timestamp))
        {
            throw new InvalidCdsRequestException(
                CdsErrorCodes.InvalidFeedback,
                $"'{timestampPath}' must be an RFC 3339 date-time with an offset, e.g. 1985-04-12T23:20:50.52Z.",
                timestampPath);
        }

        return timestamp;
    }
}

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CdsHooks.Protocol.Errors;
using CdsHooks.Protocol.Json;

namespace CdsHooks.Protocol.Hooks;

/// <summary>
/// The typed <c>context</c> of a hook this service supports. Every supported hook carries <c>userId</c> and
/// <c>patientId</c>, and optionally <c>encounterId</c> (required for <c>encounter-start</c>).
/// <see cref="ToString"/> prints no identifiers.
/// </summary>
public abstract partial record HookContext
{
    private const string ContextPath = "context";

    /// <summary>The hook this context belongs to, e.g. <c>patient-view</c>.</summary>
    public abstract string Hook { get; }

    /// <summary>REQUIRED. The current user as <c>[ResourceType]/[id]</c>, e.g. <c>Practitioner/123</c>.</summary>
    public required string UserId { get; init; }

    /// <summary>REQUIRED. The bare FHIR id of the patient in context.</summary>
    public required string PatientId { get; init; }

    /// <summary>OPTIONAL (REQUIRED for <c>encounter-start</c>). The bare FHIR id of the encounter in context.</summary>
    public string? EncounterId { get; init; }

    /// <summary>
    /// The root-level primitive context fields that may be used as <c>{{context.X}}</c> prefetch tokens, keyed by
    /// field name (<c>userId</c>, <c>patientId</c>, and <c>encounterId</c> when present).
    /// </summary>
    public IReadOnlyDictionary<string, string> PrefetchTokens
    {
        get
        {
            var tokens = new Dictionary<string, string>(3, StringComparer.Ordinal)
            {
                ["userId"] = UserId,
                ["patientId"] = PatientId,
            };
            if (EncounterId is not null)
            {
                tokens["encounterId"] = EncounterId;
            }

            return tokens;
        }
    }

    /// <summary>
    /// Reads the context of <paramref name="hook"/>. The returned context keeps references into
    /// <paramref name="context"/>'s document (e.g. <c>draftOrders</c>), so it lives as long as that document.
    /// </summary>
    /// <param name="hook">The request's <c>hook</c> value.</param>
    /// <param name="context">The request's <c>context</c> element.</param>
    /// <returns>A <see cref="PatientViewContext"/>, <see cref="OrderSelectContext"/>, <see cref="OrderSignContext"/> or <see cref="EncounterStartContext"/>.</returns>
    /// <exception cref="InvalidCdsRequestException">The hook is unsupported or the context breaks the hook definition.</exception>
    public static HookContext Parse(string hook, JsonElement context)
    {
        ArgumentNullException.ThrowIfNull(hook);
        JsonFields.EnsureObject(context, ContextPath);
        switch (hook)
        {
            case HookNames.PatientView:
                return new PatientViewContext
                {
                    UserId = ReadUserId(context),
                    PatientId = JsonFields.RequiredString(context, "patientId", ContextPath),
                    EncounterId = JsonFields.OptionalString(context, "encounterId", ContextPath),
                };
            case HookNames.OrderSelect:
                return new OrderSelectContext
                {
                    UserId = ReadUserId(context),
                    PatientId = JsonFields.RequiredString(context, "patientId", ContextPath),
                    EncounterId = JsonFields.OptionalString(context, "encounterId", ContextPath),
                    Selections = ReadSelections(context),
                    DraftOrders = ReadDraftOrders(context),
                };
            case HookNames.OrderSign:
                return new OrderSignContext
                {
                    UserId = ReadUserId(context),
                    PatientId = JsonFields.RequiredString(context, "patientId", ContextPath),
                    EncounterId = JsonFields.OptionalString(context, "encounterId", ContextPath),
                    DraftOrders = ReadDraftOrders(context),
                };
            case HookNames.EncounterStart:
                return new EncounterStartContext
                {
                    UserId = ReadUserId(context),
                    PatientId = JsonFields.RequiredString(context, "patientId", ContextPath),
                    EncounterId = JsonFields.RequiredString(context, "encounterId", ContextPath),
                };
            default:
                throw new InvalidCdsRequestException(
                    CdsErrorCodes.UnsupportedHook,
                    $"'hook' names a hook whose context this service cannot read; supported hooks are {HookNames.PatientView}, {HookNames.OrderSelect}, {HookNames.OrderSign} and {HookNames.EncounterStart}.",
                    "hook");
        }
    }

    /// <summary>Prints the hook and which fields are present, never their values (they identify people).</summary>
    /// <param name="builder">The builder to print to.</param>
    /// <returns><c>true</c>: members were printed.</returns>
    protected virtual bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("Hook = ").Append(Hook)
            .Append(", UserType = ").Append(UserId.AsSpan(0, Math.Max(0, UserId.IndexOf('/', StringComparison.Ordinal))))
            .Append(", EncounterId = ").Append(EncounterId is null ? "absent" : "present");
        return true;
    }

    private static string ReadUserId(JsonElement context)
    {
        string userId = JsonFields.RequiredString(context, "userId", ContextPath);
        if (!ReferencePattern().IsMatch(userId))
        {
            throw new InvalidCdsRequestException(
                CdsErrorCodes.InvalidHookContext,
                "'context.userId' must be a relative reference of the form [ResourceType]/[id], e.g. Practitioner/123 (invariant ord-1).",
                "context.userId");
        }

        return userId;
    }

    private static string[] ReadSelections(JsonElement context)
    {
        JsonElement array = JsonFields.RequiredArray(context, "selections", ContextPath);
        int count = array.GetArrayLength();
        if (count == 0)
        {
            throw JsonFields.Empty("context.selections");
        }

        var selections = new string[count];
        int index = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            string path = JsonPath.Index("context.selections", index);
            string selection = JsonFields.NonEmptyString(item, path);
            if (!ReferencePattern().IsMatch(selection))
            {
                throw new InvalidCdsRequestException(
                    CdsErrorCodes.InvalidHookContext,
                    $"'{path}' must be a relative reference of the form [ResourceType]/[id], e.g. MedicationRequest/103.",
                    path);
            }

            selections[index++] = selection;
        }

        return selections;
    }

    private static JsonElement ReadDraftOrders(JsonElement context)
    {
        JsonElement draftOrders = JsonFields.RequiredObject(context, "draftOrders", ContextPath);
        if (!draftOrders.TryGetProperty("resourceType", out JsonElement type)
            || type.ValueKind != JsonValueKind.String
            || !type.ValueEquals("Bundle"u8))
        {
            throw new InvalidCdsRequestException(
                CdsErrorCodes.InvalidHookContext,
                "'context.draftOrders' must be a FHIR Bundle (resourceType 'Bundle').",
                "context.draftOrders");
        }

        return draftOrders;
    }

    /// <summary>Invariant ord-1 of the hook logical models: <c>^[\d\w]+\/[\d\w-.]+$</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_]+/[A-Za-z0-9_\-.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}

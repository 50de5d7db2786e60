using System.Text;
using System.Text.Json;

namespace CdsHooks.Protocol.Hooks;

/// <summary>The context of <c>order-select</c>: the selected orders among the draft orders.</summary>
public sealed record OrderSelectContext : HookContext
{
    /// <inheritdoc />
    public override string Hook => HookNames.OrderSelect;

    /// <summary>REQUIRED, not a prefetch token. The newly selected orders, as relative references such as <c>MedicationRequest/103</c>.</summary>
    public required IReadOnlyList<string> Selections { get; init; }

    /// <summary>REQUIRED, not a prefetch token. A FHIR Bundle of the draft orders, as received.</summary>
    public required JsonElement DraftOrders { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(", Selections = ").Append(Selections.Count);
        return true;
    }
}

using System.Text;
using System.Text.Json;

namespace CdsHooks.Protocol.Hooks;

/// <summary>The context of <c>order-sign</c>: the orders about to be signed (possibly re-signed, so not always draft).</summary>
public sealed record OrderSignContext : HookContext
{
    /// <inheritdoc />
    public override string Hook => HookNames.OrderSign;

    /// <summary>REQUIRED, not a prefetch token. A FHIR Bundle of the orders to sign, as received.</summary>
    public required JsonElement DraftOrders { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        builder.Append(", DraftOrders = present");
        return true;
    }
}

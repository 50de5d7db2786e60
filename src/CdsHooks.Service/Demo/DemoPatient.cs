using System.Text.Json;

namespace CdsHooks.Service.Demo;

/// <summary>A synthetic demo patient as listed in <c>seeds/patients/index.json</c> (for the demo page).</summary>
internal sealed record DemoPatient
{
    /// <summary>The Patient id, e.g. <c>crohns-v1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The disease area: crohns, lung, crc, sle or cart.</summary>
    public required string Area { get; init; }

    /// <summary>The vignette label, e.g. <c>V1</c>.</summary>
    public required string Vignette { get; init; }

    /// <summary>A one-line clinical summary (synthetic). Its quoted dates are not shifted.</summary>
    public required string Summary { get; init; }

    /// <summary>The bundle's file name.</summary>
    public required string File { get; init; }

    /// <summary>The date the vignette's expected results hold for, after any shift (today when shifted).</summary>
    public DateOnly? EvaluationDate { get; init; }

    /// <summary>The vignette's draft orders for order-select/order-sign, dates shifted like the bundle.</summary>
    public IReadOnlyList<JsonElement> DraftOrders { get; init; } = [];
}

using System.Text.Json.Serialization;

namespace CdsHooks.Service.Audit;

/// <summary>Source-generated JSON for the id lists the audit trail keeps as JSON arrays.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;

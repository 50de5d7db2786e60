namespace CdsHooks.Service.Storage;

/// <summary>One schema step. Versions only grow; an applied migration is never edited, a new one is added.</summary>
/// <param name="Version">The schema version this step produces.</param>
/// <param name="Name">What it does, recorded in <c>schema_migrations</c>.</param>
/// <param name="Sql">The statements.</param>
internal sealed record Migration(int Version, string Name, string Sql);

using System.ComponentModel.DataAnnotations;
using CdsHooks.Clinical.Terminology;

namespace CdsHooks.Clinical;

/// <summary>Settings of the refractory-disease engine (configuration section <c>Clinical</c>).</summary>
public sealed class ClinicalOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Clinical";

    /// <summary>Default folder of the knowledge packs, beside the binaries.</summary>
    public static readonly string DefaultKnowledgeDirectory = Path.Combine(AppContext.BaseDirectory, "knowledge");

    /// <summary>Default folder of the conformance resources, beside the binaries.</summary>
    public static readonly string DefaultProfilesDirectory = Path.Combine(AppContext.BaseDirectory, "fhir-profiles");

    /// <summary>Folder of the YAML knowledge packs.</summary>
    [Required]
    public string KnowledgeDirectory { get; set; } = DefaultKnowledgeDirectory;

    /// <summary>Folder of the FHIR ValueSets, CodeSystems and ConceptMaps the packs use.</summary>
    [Required]
    public string ProfilesDirectory { get; set; } = DefaultProfilesDirectory;

    /// <summary>Whether uncoded text (CodeableConcept.text, displays) may match value-set synonyms. Off by default.</summary>
    public bool TextMatching { get; set; }

    /// <summary>Whether to show a card when a patient is assessed as not refractory. Off by default: be quiet.</summary>
    public bool ShowNotRefractoryCards { get; set; }

    /// <summary>Site-local codes mapped onto the codes the packs know.</summary>
    public List<LocalCodeMapping> LocalCodes { get; set; } = [];

    /// <summary>Per-pack settings by pack id: enable/disable and assumption overrides.</summary>
    public Dictionary<string, PackOptions> Packs { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A site's settings for one pack.</summary>
public sealed class PackOptions
{
    /// <summary>Whether the pack runs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Assumption overrides by name, e.g. <c>min-failed-mechanisms: 3</c>. Each is local policy.</summary>
    public Dictionary<string, string> Assumptions { get; set; } = new(StringComparer.Ordinal);
}

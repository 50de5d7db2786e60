using System.Text;
using System.Text.Json;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Terminology;

namespace CdsHooks.Clinical.Conformance;

/// <summary>
/// Writes <c>ValueSet-coded-result-tests.json</c>: the tests whose result the packs read as a code (<c>codedIn</c>,
/// <c>genomicResult</c>), so the coded-result profile applies to them. A test the packs also read as a number or a
/// titre is left out: its result may rightly be a quantity. Generated from the packs, so it stays current.
/// </summary>
public static class CodedResultTests
{
    /// <summary>The ValueSet's id.</summary>
    public const string Id = "coded-result-tests";

    /// <summary>The file name in the conformance package.</summary>
    public const string FileName = "ValueSet-" + Id + ".json";

    /// <summary>The ValueSet ids of the tests, sorted.</summary>
    public static IReadOnlyList<string> ValueSetIds(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var needs = knowledge.Packs.SelectMany(p => PackDataNeeds.Of(p.Pack)).Select(n => n.Need).Where(n => n.Role == "result" && n.ValueSet is not null).ToList();
        var numeric = needs.Where(n => n.Elements.Any(e => e.Contains("valueQuantity", StringComparison.Ordinal) || e.Contains("titre", StringComparison.Ordinal)))
            .Select(n => n.ValueSet!).ToHashSet(StringComparer.Ordinal);
        return needs.Where(n => n.Elements.Contains("Observation.valueCodeableConcept") && !numeric.Contains(n.ValueSet!))
            .Select(n => n.ValueSet!)
            .Where(id => id != Id)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The ValueSet as FHIR JSON text (two-space indent, trailing newline).</summary>
    public static string Render(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("resourceType", "ValueSet");
            json.WriteString("id", Id);
            json.WriteString("url", KnownSystems.ValueSetUrlPrefix + Id);
            json.WriteString("version", "1.0.0");
            json.WriteString("name", "CodedResultTests");
            json.WriteString("title", "Tests whose result the rules read as a code");
            json.WriteString("status", "active");
            json.WriteBoolean("experimental", false);
            json.WriteString("publisher", "Refractory-disease CDS Hooks project");
            json.WriteString("description", "Generated from the knowledge packs (CodedResultTests in src/CdsHooks.Clinical/Conformance): every test a pack "
                + "compares with a ValueSet of coded answers (codedIn, genomicResult) and never reads as a number or titre. The profile "
                + "refractory-coded-result applies to Observations coded in it.");
            json.WriteStartObject("compose");
            json.WriteStartArray("include");
            json.WriteStartObject();
            json.WriteStartArray("valueSet");
            foreach (string id in ValueSetIds(knowledge))
            {
                json.WriteStringValue(knowledge.Terminology.TryGet(id, out var vs) ? vs.Url : KnownSystems.ValueSetUrlPrefix + id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}

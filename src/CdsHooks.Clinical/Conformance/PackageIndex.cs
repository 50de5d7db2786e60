using System.Text;
using System.Text.Json;
using CdsHooks.Fhir.Validation;

namespace CdsHooks.Clinical.Conformance;

/// <summary>
/// Writes the FHIR NPM package index (<c>.index.json</c>, index-version 1): one entry per resource file in the package
/// folder (examples and templates under <c>example/</c> excluded), with its type, id, url and version.
/// </summary>
public static class PackageIndex
{
    /// <summary>The index's file name.</summary>
    public const string FileName = ".index.json";

    /// <summary>Renders the index of a package folder; <paramref name="overrides"/> stand in for files about to be written.</summary>
    public static string Render(string directory, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var names = Directory.EnumerateFiles(directory, "*.json").Select(Path.GetFileName).OfType<string>()
            .Concat(overrides?.Keys ?? [])
            .Where(n => n is not ("package.json" or FileName))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("index-version", 1);
            json.WriteStartArray("files");
            foreach (string name in names)
            {
                byte[] bytes = overrides is not null && overrides.TryGetValue(name, out var text) ? Encoding.UTF8.GetBytes(text) : File.ReadAllBytes(Path.Combine(directory, name));
                using var document = JsonDocument.Parse(bytes);
                var root = document.RootElement;
                json.WriteStartObject();
                json.WriteString("filename", name);
                foreach (string field in new[] { "resourceType", "id", "url", "version", "kind", "type" })
                {
                    if (root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        json.WriteString(field, value.GetString());
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}

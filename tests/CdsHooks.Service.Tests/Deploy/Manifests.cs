using CdsHooks.Testing;
using YamlDotNet.RepresentationModel;

namespace CdsHooks.Service.Tests.Deploy;

/// <summary>The Kubernetes manifests under deploy/kubernetes, parsed, with small navigation helpers.</summary>
public static class Manifests
{
    /// <summary>The manifests folder.</summary>
    public static string Folder => Path.Combine(RepoPaths.Root, "deploy", "kubernetes");

    /// <summary>Every document of every YAML file, with its file name.</summary>
    public static IReadOnlyList<(string File, YamlMappingNode Document)> All { get; } = Load();

    /// <summary>The one document of a kind and name.</summary>
    public static YamlMappingNode Get(string kind, string name) =>
        All.Single(d => Text(d.Document, "kind") == kind && Text(d.Document, "metadata", "name") == name).Document;

    /// <summary>The documents of a kind.</summary>
    public static IEnumerable<YamlMappingNode> OfKind(string kind) => All.Where(d => Text(d.Document, "kind") == kind).Select(d => d.Document);

    /// <summary>The node at a path of mapping keys, or null.</summary>
    public static YamlNode? At(YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (string key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The scalar at a path, or null.</summary>
    public static string? Text(YamlNode node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;

    /// <summary>The mapping entries at a path as string pairs (e.g. labels).</summary>
    public static Dictionary<string, string> Map(YamlNode node, params string[] path) =>
        (At(node, path) as YamlMappingNode)?.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!, StringComparer.Ordinal)
        ?? [];

    /// <summary>The items of the sequence at a path.</summary>
    public static IEnumerable<YamlNode> Items(YamlNode node, params string[] path) => (At(node, path) as YamlSequenceNode)?.Children ?? [];

    private static List<(string, YamlMappingNode)> Load()
    {
        var documents = new List<(string, YamlMappingNode)>();
        foreach (string file in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file);
            stream.Load(reader);
            documents.AddRange(stream.Documents.Select(d => (Path.GetFileName(file), (YamlMappingNode)d.RootNode)));
        }

        return documents;
    }
}

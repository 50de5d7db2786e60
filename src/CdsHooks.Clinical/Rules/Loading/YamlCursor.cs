using YamlDotNet.RepresentationModel;

namespace CdsHooks.Clinical.Rules.Loading;

/// <summary>
/// A YAML node with the file and rule it belongs to, so that every read can fail with a message that names
/// the file, the line and the rule.
/// </summary>
internal readonly record struct YamlCursor(YamlNode Node, string File, string? RuleId)
{
    public int Line => (int)Node.Start.Line;

    public string Origin => $"{File}:{Line}";

    public PackLoadException Error(string problem) => new(File, Line, RuleId, problem);

    public YamlCursor With(YamlNode node) => this with { Node = node };

    public YamlMappingNode Mapping =>
        Node as YamlMappingNode ?? throw Error($"expected a mapping (key: value), found {Describe(Node)}");

    public bool IsScalar => Node is YamlScalarNode;

    public string Scalar =>
        Node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error($"expected a non-empty value, found {Describe(Node)}");

    public IEnumerable<YamlCursor> Items
    {
        get
        {
            var self = this;
            return Node is YamlSequenceNode sequence
                ? sequence.Children.Select(self.With)
                : throw Error($"expected a list, found {Describe(Node)}");
        }
    }

    public IEnumerable<(string Key, YamlCursor Value)> Entries
    {
        get
        {
            var self = this;
            return Mapping.Children.Select(kv => (((YamlScalarNode)kv.Key).Value ?? "", self.With(kv.Value)));
        }
    }

    public bool TryGet(string key, out YamlCursor value)
    {
        if (Mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            value = With(node);
            return true;
        }

        value = default;
        return false;
    }

    public YamlCursor Get(string key) =>
        TryGet(key, out var value) ? value : throw Error($"'{key}' is required here");

    public string String(string key) => Get(key).Scalar;

    public string? OptionalString(string key) => TryGet(key, out var value) ? value.Scalar : null;

    public bool Bool(string key, bool fallback)
    {
        if (!TryGet(key, out var value))
        {
            return fallback;
        }

        return value.Scalar switch
        {
            "true" => true,
            "false" => false,
            _ => throw value.Error($"'{key}' must be true or false"),
        };
    }

    public IReadOnlyList<string> Strings(string key) =>
        TryGet(key, out var value) ? (value.IsScalar ? [value.Scalar] : value.Items.Select(i => i.Scalar).ToList()) : [];

    public void AllowOnly(params string[] keys)
    {
        foreach (var (key, value) in Entries)
        {
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                throw value.Error($"unknown key '{key}'; allowed here: {string.Join(", ", keys)}");
            }
        }
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };
}

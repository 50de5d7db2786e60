namespace CdsHooks.Protocol.Json;

/// <summary>Builds the JSON paths used in error messages and self-check violations, e.g. <c>cards[2].suggestions[0]</c>.</summary>
public static class JsonPath
{
    /// <summary>The path of the document root.</summary>
    public const string Root = "$";

    /// <summary>The path of property <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    /// <param name="parent">The parent's path; <see cref="Root"/> for a top-level field.</param>
    /// <param name="name">The property name.</param>
    /// <returns><c>parent.name</c>, or <c>parent['name']</c> when the name is not a plain identifier.</returns>
    public static string Property(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(name);
        if (IsPlainName(name))
        {
            return parent == Root ? name : string.Concat(parent, ".", name);
        }

        string quoted = string.Concat("['", name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal), "']");
        return parent == Root ? string.Concat(Root, quoted) : string.Concat(parent, quoted);
    }

    /// <summary>The path of item <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    /// <param name="parent">The array's path.</param>
    /// <param name="index">The zero-based index.</param>
    /// <returns><c>parent[index]</c>.</returns>
    public static string Index(string parent, int index)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return string.Concat(parent, "[", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "]");
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}

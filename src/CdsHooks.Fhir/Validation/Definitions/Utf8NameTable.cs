using System.Text;

namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>
/// A small read-only map from ASCII names to values, looked up by the UTF-8 bytes of a JSON member name: names are
/// grouped by length and compared as bytes, so the walk neither decodes nor hashes a name.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class Utf8NameTable<T>
{
    private readonly (byte[] Name, T Value)[][] _byLength;

    public Utf8NameTable(IEnumerable<KeyValuePair<string, T>> entries)
    {
        var list = entries.Select(e => (Name: Encoding.UTF8.GetBytes(e.Key), e.Value)).ToList();
        _byLength = new (byte[], T)[list.Count == 0 ? 0 : list.Max(e => e.Name.Length) + 1][];
        foreach (var group in list.GroupBy(e => e.Name.Length))
        {
            _byLength[group.Key] = [.. group];
        }
    }

    public bool TryGetValue(ReadOnlySpan<byte> name, out T value)
    {
        if (name.Length < _byLength.Length && _byLength[name.Length] is { } candidates)
        {
            foreach (var (candidate, candidateValue) in candidates)
            {
                if (name.SequenceEqual(candidate))
                {
                    value = candidateValue;
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }
}

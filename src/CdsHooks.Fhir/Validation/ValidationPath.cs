using System.Buffers;
using System.Globalization;
using System.Text;

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// Where the walk is (<c>Observation.component[1].valueQuantity</c>), kept as a stack of element names and indexes
/// and written out only when an issue is reported: most resources have none, and building every location was a
/// large part of the validator's cost.
/// </summary>
internal sealed class ValidationPath : IDisposable
{
    private (string? Name, int Index)[] _segments = ArrayPool<(string?, int)>.Shared.Rent(16);
    private int _count;

    /// <summary>Starts at a resource (its type name).</summary>
    public void Reset(string root)
    {
        _count = 0;
        Push(root);
    }

    public void Push(string name) => Add((name, -1));

    public void PushIndex(int index) => Add((null, index));

    public void Pop() => _count--;

    /// <summary>The name of the innermost element, without its index (<c>statusReason</c> at <c>….statusReason[0]</c>).</summary>
    public string LastName
    {
        get
        {
            for (int i = _count - 1; i >= 0; i--)
            {
                if (_segments[i].Name is { } name)
                {
                    return name;
                }
            }

            return "";
        }
    }

    /// <summary>The location as text, with an optional member name appended (<c>Observation.severity</c>).</summary>
    public string ToString(string? member)
    {
        var text = new StringBuilder(64);
        for (int i = 0; i < _count; i++)
        {
            var (name, index) = _segments[i];
            if (name is null)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                text.Append(i == 0 ? "" : ".").Append(name);
            }
        }

        return member is null ? text.ToString() : text.Append('.').Append(member).ToString();
    }

    public override string ToString() => ToString(null);

    public void Dispose()
    {
        ArrayPool<(string?, int)>.Shared.Return(_segments, clearArray: true);
        _segments = [];
    }

    private void Add((string? Name, int Index) segment)
    {
        if (_count == _segments.Length)
        {
            var larger = ArrayPool<(string?, int)>.Shared.Rent(_segments.Length * 2);
            Array.Copy(_segments, larger, _count);
            ArrayPool<(string?, int)>.Shared.Return(_segments, clearArray: true);
            _segments = larger;
        }

        _segments[_count++] = segment;
    }
}

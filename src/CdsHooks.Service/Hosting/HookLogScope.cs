using System.Collections;

namespace CdsHooks.Service.Hosting;

/// <summary>
/// The logging scope of one hook call: the service id and the client's <c>hookInstance</c>, both safe to log. It
/// carries nothing that identifies the patient or the user.
/// </summary>
internal sealed class HookLogScope(string serviceId, string hookInstance) : IReadOnlyList<KeyValuePair<string, object>>
{
    private readonly KeyValuePair<string, object>[] _values =
    [
        new("ServiceId", serviceId),
        new("HookInstance", hookInstance),
    ];

    public int Count => _values.Length;

    public KeyValuePair<string, object> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();

    public override string ToString() => $"ServiceId:{_values[0].Value} HookInstance:{_values[1].Value}";
}

using System.Buffers;
using System.Text.Json;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>The members of one object, gathered by child before the children are checked in definition order.</summary>
internal sealed partial class ValidationRun
{
    private enum Placement
    {
        Placed,
        ResourceType,
        Unknown,
    }

    // A JSON value with its kind read once; default (Undefined) is absent.
    private readonly record struct Node(JsonElement Element, JsonValueKind Kind)
    {
        public bool IsPresent => Kind != JsonValueKind.Undefined;

        public static Node Of(JsonElement element) => new(element, element.ValueKind);
    }

    // Which children of the object being read are present: bits while they fit in 64 (most objects), else Wide and
    // every child is looked at; further types of a choice in Extra.
    private struct Members(int start)
    {
        public readonly int Start = start;
        public ulong Present;
        public bool Wide;
        public List<ExtraVariant>? Extra;

        public void Mark(int ordinal)
        {
            if (ordinal < 64)
            {
                Present |= 1UL << ordinal;
            }
            else
            {
                Wide = true;
            }
        }
    }

    // A child's value and its primitive extensions (_name); for a choice, the first type present.
    private struct MemberSlot
    {
        public Node Value;
        public Node Shadow;
        public ChoiceVariant? Variant;

        public void Set(bool shadow, Node value)
        {
            if (shadow)
            {
                Shadow = value;
            }
            else
            {
                Value = value;
            }
        }
    }

    // The slots of the objects being walked, innermost last: one run-long array instead of one per object. Slots are
    // cleared as each object is done, so the array goes back to the pool clean.
    private sealed class SlotStack : IDisposable
    {
        private MemberSlot[] _slots = ArrayPool<MemberSlot>.Shared.Rent(256);
        private int _top;

        public ref MemberSlot this[int index] => ref _slots[index];

        // Reserves count slots; returns the first.
        public int Take(int count)
        {
            int start = _top;
            if (start + count > _slots.Length)
            {
                var larger = ArrayPool<MemberSlot>.Shared.Rent(Math.Max(_slots.Length * 2, start + count));
                Array.Copy(_slots, larger, start);
                Array.Clear(_slots, 0, start);
                ArrayPool<MemberSlot>.Shared.Return(_slots);
                _slots = larger;
            }

            _top = start + count;
            return start;
        }

        // Frees the slots from start, of which the first `used` may have been set.
        public void Release(int start, int used)
        {
            Array.Clear(_slots, start, used);
            _top = start;
        }

        public void Dispose()
        {
            ArrayPool<MemberSlot>.Shared.Return(_slots);
            _slots = [];
        }
    }

    // A further type of a choice that already has one (an error, FHIR-VAL-006), in document order.
    private sealed class ExtraVariant(int ordinal, ChoiceVariant variant)
    {
        public int Ordinal { get; } = ordinal;

        public ChoiceVariant Variant { get; } = variant;

        public Node Value { get; private set; }

        public Node Shadow { get; private set; }

        // The further types of one choice (an empty array for most objects, which have none).
        public static List<ExtraVariant> Of(List<ExtraVariant> extra, int ordinal) => extra.FindAll(e => e.Ordinal == ordinal);

        public static bool HasType(IReadOnlyList<ExtraVariant> others, string type) => others.Any(e => e.Variant.Type == type);

        public static void Set(List<ExtraVariant> extra, int ordinal, ChoiceVariant variant, bool shadow, Node value)
        {
            var entry = extra.Find(e => ReferenceEquals(e.Variant, variant));
            if (entry is null)
            {
                entry = new ExtraVariant(ordinal, variant);
                extra.Add(entry);
            }

            if (shadow)
            {
                entry.Shadow = value;
            }
            else
            {
                entry.Value = value;
            }
        }
    }
}

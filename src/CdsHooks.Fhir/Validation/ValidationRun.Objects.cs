using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>Reading an object's members into its children's slots, then checking the children present or required.</summary>
internal sealed partial class ValidationRun
{
    // Returns false for an object without members (ele-1), whose invariants are then not worth checking.
    private bool ValidateMembers(JsonElement node, ChildIndex index, bool isResource)
    {
        int count = index.Rules.Length;
        int start = _slots.Take(count);
        var members = new Members(start);
        try
        {
            bool empty = true;
            foreach (var property in node.EnumerateObject())
            {
                // Names are compared as their UTF-8 bytes; one with escapes is compared as the name it stands for.
                var raw = JsonMarshal.GetRawUtf8PropertyName(property);
                var placed = Place(raw, property, index, isResource, ref members);
                byte[]? unescaped = null;
                if (placed == Placement.Unknown && raw.IndexOf((byte)'\\') >= 0)
                {
                    unescaped = Encoding.UTF8.GetBytes(property.Name);
                    placed = Place(unescaped, property, index, isResource, ref members);
                }

                if (placed == Placement.ResourceType)
                {
                    continue;
                }

                empty = false;
                if (placed == Placement.Unknown)
                {
                    var name = unescaped ?? raw;
                    if (!name.SequenceEqual("fhir_comments"u8))
                    {
                        string member = Encoding.UTF8.GetString(name);
                        Add("error", "structure", ValidationIssueCodes.UnknownElement, $"{member} is not an element of {index.Definition.Name} in FHIR R4.", member);
                    }
                }
            }

            if (empty)
            {
                Add("error", "invariant", ValidationIssueCodes.EmptyElement, "ele-1: the element has neither a value nor children.");
                return false;
            }

            if (members.Wide)
            {
                for (int i = 0; i < count; i++)
                {
                    ValidateChild(index, i, start, members.Extra);
                }
            }
            else
            {
                // Present and required children, in definition order.
                for (ulong todo = members.Present | index.RequiredMask; todo != 0; todo &= todo - 1)
                {
                    ValidateChild(index, BitOperations.TrailingZeroCount(todo), start, members.Extra);
                }
            }

            return true;
        }
        finally
        {
            _slots.Release(start, members.Wide ? count : 64 - BitOperations.LeadingZeroCount(members.Present));
        }
    }

    // Puts a member in its child's slot (value, or _value for its extensions).
    private Placement Place(ReadOnlySpan<byte> name, JsonProperty property, ChildIndex index, bool isResource, ref Members members)
    {
        if (isResource && name.SequenceEqual("resourceType"u8))
        {
            return Placement.ResourceType;
        }

        bool shadow = name.Length > 0 && name[0] == '_';
        var core = shadow ? name[1..] : name;
        if (index.TryGetChild(core, out int ordinal))
        {
            _slots[members.Start + ordinal].Set(shadow, Node.Of(property.Value));
            members.Mark(ordinal);
            return Placement.Placed;
        }

        if (index.FindChoice(core, out ordinal) is not { } variant)
        {
            return Placement.Unknown;
        }

        members.Mark(ordinal);
        ref var slot = ref _slots[members.Start + ordinal];
        if (slot.Variant is null || ReferenceEquals(slot.Variant, variant))
        {
            slot.Variant = variant;
            slot.Set(shadow, Node.Of(property.Value));
        }
        else
        {
            ExtraVariant.Set(members.Extra ??= [], ordinal, variant, shadow, Node.Of(property.Value));
        }

        return Placement.Placed;
    }

    private void ValidateChild(ChildIndex index, int ordinal, int start, List<ExtraVariant>? extra)
    {
        var slot = _slots[start + ordinal];
        if (index.ChoicePlans[ordinal] is { } choice)
        {
            if (slot.Variant is not null || index.IsRequired[ordinal])
            {
                ValidateChoice(choice, ordinal, slot, extra);
            }
        }
        else if (slot.Value.IsPresent || slot.Shadow.IsPresent || index.IsRequired[ordinal])
        {
            ValidateSingle(index, ordinal, slot.Value, slot.Shadow);
        }
    }
}

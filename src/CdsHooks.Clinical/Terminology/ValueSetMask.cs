namespace CdsHooks.Clinical.Terminology;

/// <summary>
/// An immutable set of value-set indices, as a bit mask. Each coded item in a patient timeline carries one,
/// so that a rule's "is this code in ValueSet X" test is a bit test instead of a lookup.
/// </summary>
public sealed class ValueSetMask
{
    private readonly ulong[] _bits;

    private ValueSetMask(ulong[] bits) => _bits = bits;

    /// <summary>The empty set.</summary>
    public static ValueSetMask Empty { get; } = new([]);

    /// <summary>True when no value set is in the mask.</summary>
    public bool IsEmpty => _bits.Length == 0;

    /// <summary>Whether the value set with this index is in the set.</summary>
    public bool Contains(int index)
    {
        int word = index >> 6;
        return word < _bits.Length && (_bits[word] & (1UL << (index & 63))) != 0;
    }

    /// <summary>The indices in the set, ascending.</summary>
    public IEnumerable<int> Indices()
    {
        for (int word = 0; word < _bits.Length; word++)
        {
            ulong bits = _bits[word];
            while (bits != 0)
            {
                int bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
                yield return (word << 6) + bit;
                bits &= bits - 1;
            }
        }
    }

    /// <summary>Builds a mask from indices.</summary>
    public static ValueSetMask Of(IEnumerable<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var builder = new Builder();
        foreach (int index in indices)
        {
            builder.Add(index);
        }

        return builder.Build();
    }

    /// <summary>The union of two masks; returns an operand unchanged where possible.</summary>
    public ValueSetMask Union(ValueSetMask other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty || ReferenceEquals(this, other))
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        var bits = new ulong[Math.Max(_bits.Length, other._bits.Length)];
        _bits.CopyTo(bits, 0);
        for (int i = 0; i < other._bits.Length; i++)
        {
            bits[i] |= other._bits[i];
        }

        return new ValueSetMask(bits);
    }

    /// <summary>Accumulates indices, then freezes them into a mask.</summary>
    public sealed class Builder
    {
        private ulong[] _bits = [];

        /// <summary>Adds one index.</summary>
        public void Add(int index)
        {
            int word = index >> 6;
            if (word >= _bits.Length)
            {
                Array.Resize(ref _bits, word + 1);
            }

            _bits[word] |= 1UL << (index & 63);
        }

        /// <summary>Adds every index of a mask.</summary>
        public void Add(ValueSetMask mask)
        {
            ArgumentNullException.ThrowIfNull(mask);
            if (mask._bits.Length > _bits.Length)
            {
                Array.Resize(ref _bits, mask._bits.Length);
            }

            for (int i = 0; i < mask._bits.Length; i++)
            {
                _bits[i] |= mask._bits[i];
            }
        }

        /// <summary>Freezes the accumulated indices.</summary>
        public ValueSetMask Build() => _bits.Length == 0 ? Empty : new ValueSetMask((ulong[])_bits.Clone());
    }
}

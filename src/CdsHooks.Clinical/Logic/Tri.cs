namespace CdsHooks.Clinical.Logic;

/// <summary>
/// A three-valued truth value (Kleene logic). Missing data is <see cref="Unknown"/>, never false:
/// a conclusion that depends on an unknown is "insufficient data", not "not refractory".
/// </summary>
public enum Tri : byte
{
    /// <summary>The criterion is not met on the data present.</summary>
    False = 0,

    /// <summary>The data needed to decide is missing.</summary>
    Unknown = 1,

    /// <summary>The criterion is met.</summary>
    True = 2,
}

/// <summary>Kleene operators over <see cref="Tri"/>.</summary>
public static class TriLogic
{
    /// <summary>False dominates, then unknown.</summary>
    public static Tri And(Tri left, Tri right) => (Tri)Math.Min((byte)left, (byte)right);

    /// <summary>True dominates, then unknown.</summary>
    public static Tri Or(Tri left, Tri right) => (Tri)Math.Max((byte)left, (byte)right);

    /// <summary>Unknown stays unknown.</summary>
    public static Tri Not(Tri value) => (Tri)(2 - (byte)value);

    /// <summary>Maps a plain boolean.</summary>
    public static Tri From(bool value) => value ? Tri.True : Tri.False;
}

namespace CdsHooks.Clinical.Terminology;

/// <summary>A drug resolved to its ingredient (INN) and mechanism class.</summary>
/// <param name="Inn">The International Nonproprietary Name, lower case (e.g. <c>infliximab</c>).</param>
/// <param name="MechanismClass">The mechanism-class code (e.g. <c>anti-tnf</c>), if known.</param>
/// <param name="MechanismDisplay">The mechanism class for humans (e.g. "anti-TNF").</param>
public sealed record AgentInfo(string Inn, string? MechanismClass, string? MechanismDisplay);

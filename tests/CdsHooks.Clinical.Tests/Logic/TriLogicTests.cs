using CdsHooks.Clinical.Logic;

namespace CdsHooks.Clinical.Tests.Logic;

public class TriLogicTests
{
    [Theory]
    [InlineData(Tri.True, Tri.True, Tri.True)]
    [InlineData(Tri.True, Tri.Unknown, Tri.Unknown)]
    [InlineData(Tri.True, Tri.False, Tri.False)]
    [InlineData(Tri.Unknown, Tri.Unknown, Tri.Unknown)]
    [InlineData(Tri.Unknown, Tri.False, Tri.False)]
    [InlineData(Tri.False, Tri.False, Tri.False)]
    public void And_KleeneTable(Tri left, Tri right, Tri expected)
    {
        Assert.Equal(expected, TriLogic.And(left, right));
        Assert.Equal(expected, TriLogic.And(right, left));
    }

    [Theory]
    [InlineData(Tri.True, Tri.Unknown, Tri.True)]
    [InlineData(Tri.False, Tri.Unknown, Tri.Unknown)]
    [InlineData(Tri.False, Tri.False, Tri.False)]
    [InlineData(Tri.Unknown, Tri.Unknown, Tri.Unknown)]
    [InlineData(Tri.True, Tri.False, Tri.True)]
    public void Or_KleeneTable(Tri left, Tri right, Tri expected)
    {
        Assert.Equal(expected, TriLogic.Or(left, right));
        Assert.Equal(expected, TriLogic.Or(right, left));
    }

    [Theory]
    [InlineData(Tri.True, Tri.False)]
    [InlineData(Tri.False, Tri.True)]
    [InlineData(Tri.Unknown, Tri.Unknown)]
    public void Not_UnknownStaysUnknown(Tri value, Tri expected) => Assert.Equal(expected, TriLogic.Not(value));
}

using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;

namespace CdsHooks.Clinical.Tests.Logic;

public class ValueRangeTests
{
    [Theory]
    [InlineData(null, 80, Comparison.GreaterOrEqual, Tri.True)]
    [InlineData(null, 79, Comparison.GreaterOrEqual, Tri.False)]
    [InlineData("<", 80, Comparison.GreaterOrEqual, Tri.False)]
    [InlineData("<=", 80, Comparison.GreaterOrEqual, Tri.Unknown)]
    [InlineData("<", 81, Comparison.GreaterOrEqual, Tri.Unknown)]
    [InlineData(">", 80, Comparison.GreaterOrEqual, Tri.True)]
    [InlineData(">", 79, Comparison.GreaterOrEqual, Tri.Unknown)]
    [InlineData(">=", 80, Comparison.GreaterThan, Tri.Unknown)]
    [InlineData(">", 80, Comparison.GreaterThan, Tri.True)]
    [InlineData("<=", 80, Comparison.LessOrEqual, Tri.True)]
    [InlineData(">", 80, Comparison.LessOrEqual, Tri.False)]
    [InlineData("<", 80, Comparison.LessThan, Tri.True)]
    [InlineData(">=", 80, Comparison.LessThan, Tri.False)]
    [InlineData(null, 80, Comparison.Equal, Tri.True)]
    [InlineData(">", 80, Comparison.Equal, Tri.False)]
    [InlineData(">=", 80, Comparison.Equal, Tri.Unknown)]
    public void Compare_IsTrueOnlyWhenEveryPossibleValuePasses(string? comparator, int value, Comparison comparison, Tri expected) =>
        Assert.Equal(expected, ValueRange.FromComparator(value, comparator).Compare(comparison, 80));

    [Theory]
    [InlineData(null, "320")]
    [InlineData("<", "<40")]
    [InlineData(">=", ">=1280")]
    public void ToString_ShowsTheBound(string? comparator, string expected)
    {
        int value = int.Parse(expected.TrimStart('<', '>', '='), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, ValueRange.FromComparator(value, comparator).ToString());
    }
}

using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Tests.Timeline;

public class UcumUnitsTests
{
    [Theory]
    [InlineData(3.0, "mg/dL", "mg/L", 30.0)]
    [InlineData(38, "mg/L", "mg/dL", 3.8)]
    [InlineData(28, "g/L", "g/dL", 2.8)]
    [InlineData(1250, "ug/g", "mg/kg", 1250)]
    [InlineData(1250, "µg/g", "ug/g", 1250)]
    [InlineData(7.8, "ug/mL", "mg/L", 7.8)]
    [InlineData(4.2, "10*9/L", "10*3/uL", 4.2)]
    [InlineData(4200, "/uL", "10*9/L", 4.2)]
    [InlineData(55, "%", "1", 0.55)]
    [InlineData(0.12, "mmol/L", "umol/L", 120)]
    [InlineData(95, "umol/l", "mmol/L", 0.095)]
    [InlineData(42, "mm", "cm", 4.2)]
    [InlineData(3, "cm", "mm", 30)]
    [InlineData(0.035, "m", "cm", 3.5)]
    [InlineData(2, "mL", "L", 0.002)]
    public void TryConvert_SameDimension_Converts(double value, string from, string to, double expected)
    {
        Assert.True(UcumUnits.TryConvert((decimal)value, from, to, out decimal converted));
        Assert.Equal((decimal)expected, decimal.Round(converted, 6));
    }

    [Theory]
    [InlineData("mg/L", "mmol/L")]
    [InlineData("mg/L", "10*9/L")]
    [InlineData("mm", "mL")]
    [InlineData("cm", "mmol")]
    [InlineData("{score}", "mg/L")]
    [InlineData(null, "mg/L")]
    public void TryConvert_DifferentDimension_Refuses(string? from, string to) =>
        Assert.False(UcumUnits.TryConvert(1m, from, to, out _));

    [Fact]
    public void TryConvert_SameUnit_IsIdentity()
    {
        Assert.True(UcumUnits.TryConvert(11m, "{score}", "{score}", out decimal converted));
        Assert.Equal(11m, converted);
    }
}

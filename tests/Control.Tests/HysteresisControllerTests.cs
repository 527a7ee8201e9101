using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ProofOfHeat.Control.Tests;

public sealed class HysteresisControllerTests
{
    private static readonly HysteresisController Controller = new();

    [Theory]
    [InlineData(false, 20.7, true)]
    [InlineData(false, 20.8, false)]
    [InlineData(true, 21.2, true)]
    [InlineData(true, 21.3, false)]
    [InlineData(true, 21.0, true)]
    [InlineData(false, 21.0, false)]
    public void ShouldHeat_DefaultTolerances_SwitchesAtTheBands(bool isHeating, double room, bool expected)
    {
        Assert.Equal(expected, Controller.ShouldHeat(isHeating, room, 21));
    }

    [Fact]
    public void Constructor_NegativeTolerance_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HysteresisController(-0.1));
    }

    [Property]
    public Property ShouldHeat_WellBelowTarget_AlwaysHeats(bool isHeating, PositiveInt below)
    {
        return Controller.ShouldHeat(isHeating, 21 - 0.3 - (below.Get / 10.0), 21).ToProperty();
    }

    [Property]
    public Property ShouldHeat_WellAboveTarget_NeverHeats(bool isHeating, PositiveInt above)
    {
        return (!Controller.ShouldHeat(isHeating, 21 + 0.3 + (above.Get / 10.0), 21)).ToProperty();
    }

    [Property]
    public Property ShouldHeat_ColderRoom_NeverLessHeat(bool isHeating, NormalFloat room, PositiveInt colderBy)
    {
        var warm = Controller.ShouldHeat(isHeating, room.Get, 21);
        var cold = Controller.ShouldHeat(isHeating, room.Get - (colderBy.Get / 10.0), 21);
        return (!warm || cold).ToProperty();
    }
}

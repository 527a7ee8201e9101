using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ProofOfHeat.Control.Tests;

public sealed class TpiControllerTests
{
    private static readonly TpiController Controller = new();

    [Fact]
    public void OnFraction_DefaultCoefficients_MatchVersatileThermostat()
    {
        // 0.6·(21 − 20) + 0.01·(21 − 1) = 0.6 + 0.2 = 0.8
        Assert.Equal(0.8, Controller.OnFraction(21, 20, 1), 9);
    }

    [Fact]
    public void OnFraction_RoomAboveTargetAndMild_IsZero()
    {
        Assert.Equal(0, Controller.OnFraction(21, 23, 15));
    }

    [Fact]
    public void OnFraction_VeryCold_ClampsToOne()
    {
        Assert.Equal(1, Controller.OnFraction(21, 15, -10));
    }

    [Fact]
    public void OnFraction_MaxOnFractionSet_ClampsToCap()
    {
        var capped = new TpiController(new TpiOptions { MaxOnFraction = 0.7 });
        Assert.Equal(0.7, capped.OnFraction(21, 15, -10));
    }

    [Fact]
    public void OnFraction_OutdoorUnknown_DropsOutdoorTerm()
    {
        Assert.Equal(0.6, Controller.OnFraction(21, 20, null), 9);
    }

    [Fact]
    public void OnFraction_NaNRoom_IsZero()
    {
        Assert.Equal(0, Controller.OnFraction(21, double.NaN, 0));
    }

    [Fact]
    public void Constructor_NegativeCoefficient_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TpiController(new TpiOptions { CoefInt = -1 }));
    }

    [Property]
    public Property OnFraction_AnyReadings_StaysWithinZeroAndOne(NormalFloat target, NormalFloat room, NormalFloat outdoor)
    {
        var fraction = Controller.OnFraction(target.Get, room.Get, outdoor.Get);
        return (fraction is >= 0 and <= 1).ToProperty();
    }

    [Property]
    public Property OnFraction_ColderRoom_GivesAtLeastAsMuchHeat(NormalFloat room, PositiveInt colderBy, NormalFloat outdoor)
    {
        var warmer = Controller.OnFraction(21, room.Get, outdoor.Get);
        var colder = Controller.OnFraction(21, room.Get - (colderBy.Get / 10.0), outdoor.Get);
        return (colder >= warmer).ToProperty();
    }

    [Property]
    public Property OnFraction_ColderOutdoors_GivesAtLeastAsMuchHeat(NormalFloat outdoor, PositiveInt colderBy)
    {
        var mild = Controller.OnFraction(21, 20.5, outdoor.Get);
        var cold = Controller.OnFraction(21, 20.5, outdoor.Get - colderBy.Get);
        return (cold >= mild).ToProperty();
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ProofOfHeat.Control.Tests;

public sealed class PowerLevelsTests
{
    private static readonly int[] MinerLevels = [0, 1000, 2000, 3000];

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.1, 0)]
    [InlineData(0.2, 1000)]
    [InlineData(0.5, 1000)]
    [InlineData(0.55, 2000)]
    [InlineData(0.9, 3000)]
    [InlineData(1.5, 3000)]
    [InlineData(-1.0, 0)]
    public void Nearest_MinerLevels_PicksNearest(double fraction, int expected)
    {
        Assert.Equal(expected, PowerLevels.Nearest(MinerLevels, fraction));
    }

    [Fact]
    public void Nearest_NoLevels_Throws()
    {
        Assert.Throws<ArgumentException>(() => PowerLevels.Nearest([], 0.5));
    }

    [Property]
    public Property Nearest_AnyFraction_ReturnsOneOfTheLevels(NormalFloat fraction)
    {
        return MinerLevels.Contains(PowerLevels.Nearest(MinerLevels, fraction.Get)).ToProperty();
    }

    [Property]
    public Property Nearest_LargerFraction_NeverLessPower(NormalFloat a, NormalFloat b)
    {
        var (low, high) = a.Get <= b.Get ? (a.Get, b.Get) : (b.Get, a.Get);
        return (PowerLevels.Nearest(MinerLevels, high) >= PowerLevels.Nearest(MinerLevels, low)).ToProperty();
    }
}

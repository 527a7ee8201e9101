using Moq;
using ProofOfHeat.AppModel.Entities;
using Xunit;

namespace ProofOfHeat.AppModel.Tests.Entities;

public sealed class BinarySensorEntityTests
{
    [Theory]
    [InlineData("on", BinarySensorState.On)]
    [InlineData("ON", BinarySensorState.On)]
    [InlineData("off", BinarySensorState.Off)]
    [InlineData("unavailable", BinarySensorState.Unavailable)]
    [InlineData("unknown", BinarySensorState.Unknown)]
    [InlineData(null, BinarySensorState.Unknown)]
    [InlineData("maybe", BinarySensorState.Unknown)]
    [InlineData("7", BinarySensorState.Unknown)]
    [InlineData("true", BinarySensorState.Unknown)]
    [InlineData("", BinarySensorState.Unknown)]
    [InlineData(" on", BinarySensorState.Unknown)]
    public void AsBinary_AcceptsOnlyOnAndOffAsReadings(string? state, BinarySensorState expected) =>
        Assert.Equal(expected, EntityState.Create("binary_sensor.leak", state, DateTimeOffset.UnixEpoch).AsBinary());

    [Theory]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("maybe", null)]
    [InlineData("7", null)]
    [InlineData("unavailable", null)]
    public void Reading_IsNullWithoutAValidReading(string state, bool? expected)
    {
        var context = new Mock<IHaContext>();
        context.Setup(c => c.GetState("binary_sensor.leak")).Returns(EntityState.Create("binary_sensor.leak", state, DateTimeOffset.UnixEpoch));
        var entity = new BinarySensorEntity(context.Object, "binary_sensor.leak");

        Assert.Equal(expected, entity.Reading);
    }

    [Fact]
    public void Value_WithoutAnyState_IsUnknown()
    {
        var entity = new BinarySensorEntity(Mock.Of<IHaContext>(), "binary_sensor.leak");

        Assert.Equal(BinarySensorState.Unknown, entity.Value);
    }
}

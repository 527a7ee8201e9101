namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.EmsEsp;

/// <summary>The EMS-ESP driver on the flat format and other boolean formats, and through garbage.</summary>
public sealed class EmsEspDriverTests
{
    [Theory]
    [InlineData(false, "ONOFF")]
    [InlineData(false, "10")]
    [InlineData(true, "truefalse")]
    public async Task FlowSetpointAndDhw_AreReadBackInEveryFormat(bool nested, string booleans)
    {
        await using var rig = await EmsEspContractRig.StartAsync(nested, booleans);

        var flow = await rig.RunAsync(() => rig.Driver.ApplyAsync(HeatSourceCommand.SetFlowSetpoint(60), CancellationToken.None));
        var dhw = await rig.RunAsync(() => rig.Driver.ApplyAsync(HeatSourceCommand.SetDhwSetpoint(55), CancellationToken.None));
        HeatSourceReading reading;
        do
        {
            reading = await rig.RunAsync(() => rig.Driver.ReadAsync(CancellationToken.None));
        }
        while (reading.Status != HeatSourceStatus.Running || reading.FlowTemperature is not > 40);

        Assert.Equal(HeatSourceCommandOutcome.Applied, flow.Outcome);
        Assert.Equal(HeatSourceCommandOutcome.Applied, dhw.Outcome);
        Assert.True(reading.IsOn);
        Assert.True(reading.Modulation > 0);
        Assert.Equal(55, reading.DhwSetpoint);
    }

    [Fact]
    public async Task Garbage_BetweenPublications_IsCountedAndSkipped()
    {
        await using var rig = await EmsEspContractRig.StartAsync();
        rig.Simulator.Faults.Garbage = true;

        var result = await rig.RunAsync(() => rig.Driver.ApplyAsync(HeatSourceCommand.SetFlowSetpoint(50), CancellationToken.None));

        Assert.Equal(HeatSourceCommandOutcome.Applied, result.Outcome);
        Assert.True(rig.EmsEsp.Client.GarbageCount > 0);
    }
}

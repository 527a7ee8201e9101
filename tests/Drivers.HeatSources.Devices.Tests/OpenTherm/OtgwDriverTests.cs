namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.OpenTherm;

/// <summary>What the OTGW driver does beyond the contract: the boiler's own refusal and its heat.</summary>
public sealed class OtgwDriverTests
{
    [Fact]
    public async Task BoilerRefusingTheSetpoint_IsNotFollowedAndSaysWhy()
    {
        await using var rig = new OtgwContractRig();
        rig.Simulator.Faults.BoilerRefusesSetpoint = true;

        var result = await rig.RunAsync(() => rig.Driver.ApplyAsync(HeatSourceCommand.SetFlowSetpoint(60), CancellationToken.None));

        Assert.Equal(HeatSourceCommandOutcome.NotFollowed, result.Outcome);
        Assert.Contains(result.Reading.Errors, e => e.Contains("refused control setpoint 60", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FlowSetpoint_TheBoilerFiresAndTheReadingShowsItRunning()
    {
        await using var rig = new OtgwContractRig();

        var result = await rig.RunAsync(() => rig.Driver.ApplyAsync(HeatSourceCommand.SetFlowSetpoint(65), CancellationToken.None));
        HeatSourceReading reading;
        do
        {
            reading = await rig.RunAsync(() => rig.Driver.ReadAsync(CancellationToken.None));
        }
        while (reading.Status != HeatSourceStatus.Running || reading.FlowTemperature is not > 45 || reading.Modulation is not > 0);

        Assert.Equal(HeatSourceCommandOutcome.Applied, result.Outcome);
        Assert.True(reading.ReturnTemperature < reading.FlowTemperature);
    }
}

using ProofOfHeat.Drivers.HeatSources.OpenTherm;
using ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.OpenTherm;

public sealed class OtgwClientSimulatorTests
{
    [Fact]
    public async Task ControlSetpoint_IsAcknowledgedAndTheBoilerHeatsTowardsIt()
    {
        await using var rig = OtgwRig.Start();

        var echoed = await rig.Client.SendAsync(OtgwCommand.ControlSetpoint(55), CancellationToken.None);
        var heated = await rig.Client.WaitForStatusAsync(
            s => s.AcknowledgedControlSetpoint == 55 && s.Flame == true && s.FlowTemperature > 45 && s.Modulation > 0 && s.ReturnTemperature < s.FlowTemperature,
            OtgwRig.Generous,
            CancellationToken.None);

        Assert.Equal("55.00", echoed);
        Assert.True(heated, $"status: {rig.Client.Status}");
        Assert.Equal(55, rig.Simulator.Read(b => b.ControlSetpoint));
    }

    [Fact]
    public async Task MaxModulationAndDhw_AreAcknowledgedAndReportedBack()
    {
        await using var rig = OtgwRig.Start();

        await rig.Client.SendAsync(OtgwCommand.MaxModulation(40), CancellationToken.None);
        await rig.Client.SendAsync(OtgwCommand.DhwSetpoint(48), CancellationToken.None);
        await rig.Client.SendAsync(OtgwCommand.MaxChSetpoint(65), CancellationToken.None);
        var reported = await rig.Client.WaitForStatusAsync(
            s => s.MaxModulation == 40 && s.DhwSetpoint == 48 && s.MaxChSetpoint == 65, OtgwRig.Generous, CancellationToken.None);

        Assert.True(reported, $"status: {rig.Client.Status}");
    }

    [Fact]
    public async Task RejectedCommand_ThrowsWithTheGatewaysCode()
    {
        await using var rig = OtgwRig.Start();
        rig.Simulator.Faults.RejectCommandsWith = "OR";

        var error = await Assert.ThrowsAsync<OtgwException>(() => rig.Client.SendAsync(OtgwCommand.ControlSetpoint(55), CancellationToken.None));

        Assert.Equal(OtgwFailure.Rejected, error.Failure);
        Assert.Equal(OtgwErrorCode.OutOfRange, error.Error);
        Assert.Equal(1, rig.Simulator.CommandCount);
    }

    [Fact]
    public async Task OutOfRangeSetpoint_IsRefusedByTheRealRangeCheck()
    {
        await using var rig = OtgwRig.Start();

        var error = await Assert.ThrowsAsync<OtgwException>(() => rig.Client.SendAsync(OtgwCommand.ControlSetpoint(95), CancellationToken.None));

        Assert.Equal(OtgwErrorCode.OutOfRange, error.Error);
    }

    [Fact]
    public async Task SilentGateway_TimesOutAfterItsRetries()
    {
        await using var rig = OtgwRig.Start(replyTimeout: TimeSpan.FromMilliseconds(300), retries: 1);
        rig.Simulator.Faults.Silent = true;

        var error = await Assert.ThrowsAsync<OtgwException>(() => rig.Client.SendAsync(OtgwCommand.ControlSetpoint(55), CancellationToken.None));

        Assert.Equal(OtgwFailure.Timeout, error.Failure);
        Assert.Equal(2, rig.Simulator.CommandCount);
        Assert.Equal(2, rig.Simulator.ConnectionCount);
    }

    [Fact]
    public async Task Garbage_BetweenTheLines_DoesNotStopCommandsOrReports()
    {
        await using var rig = OtgwRig.Start();
        rig.Simulator.Faults.Garbage = true;

        await rig.Client.SendAsync(OtgwCommand.ControlSetpoint(50), CancellationToken.None);
        var reported = await rig.Client.WaitForStatusAsync(
            s => s.AcknowledgedControlSetpoint == 50 && s.FlowTemperature is not null, OtgwRig.Generous, CancellationToken.None);

        Assert.True(reported, $"status: {rig.Client.Status}");
    }

    [Fact]
    public async Task DroppedConnection_TheNextCommandReconnects()
    {
        await using var rig = OtgwRig.Start();
        await rig.Client.SendAsync(OtgwCommand.ControlSetpoint(50), CancellationToken.None);

        rig.Simulator.DropConnections();
        var echoed = await rig.Client.SendAsync(OtgwCommand.ControlSetpoint(52), CancellationToken.None);

        Assert.Equal("52.00", echoed);
        Assert.True(rig.Simulator.ConnectionCount >= 2);
    }

    [Fact]
    public async Task BoilerRefusingTheSetpoint_ShowsInItsBLines()
    {
        await using var rig = OtgwRig.Start();
        rig.Simulator.Faults.BoilerRefusesSetpoint = true;

        await rig.Client.SendAsync(OtgwCommand.ControlSetpoint(60), CancellationToken.None);
        var refused = await rig.Client.WaitForStatusAsync(s => s.RefusedControlSetpoint == 60, OtgwRig.Generous, CancellationToken.None);

        Assert.True(refused);
        Assert.Null(rig.Client.Status.AcknowledgedControlSetpoint);
        Assert.False(rig.Simulator.Read(b => b.Flame));
    }
}

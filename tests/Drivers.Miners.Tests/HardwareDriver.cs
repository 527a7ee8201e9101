using ProofOfHeat.Sim.Miners;

namespace ProofOfHeat.Drivers.Miners.Tests;

/// <summary>
/// A driver straight onto the simulated hardware (no wire), to test what the base class adds:
/// idempotence, read-back, retries, outages as readings. Failures can be queued per call.
/// </summary>
internal sealed class HardwareDriver(
    MinerHardware hardware, MinerDriverContext context, bool powerChangeRestarts = false, double? powerTolerance = null, bool reportsPower = true)
    : MinerDriverBase("test", new MinerEndpoint("sim"), context)
{
    private int _limit = hardware.Spec.NominalPowerWatts;

    public Queue<Exception> ReadFailures { get; } = new();

    public List<MinerCommand> Sent { get; } = [];

    public int Reads { get; private set; }

    /// <summary>When set, the driver acknowledges commands without changing anything.</summary>
    public bool IgnoreCommands { get; set; }

    protected override Task<MinerCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new MinerCapabilities
        {
            Model = hardware.Spec.Model,
            CanSleep = true,
            PowerControl = MinerPowerControl.Continuous,
            MinimumPowerWatts = hardware.Spec.MinimumPowerWatts,
            MaximumPowerWatts = hardware.Spec.NominalPowerWatts,
            PowerStepWatts = 100,
            PowerChangeRestarts = powerChangeRestarts,
            TypicalSettleTime = hardware.Spec.RestartDuration,
            ReportsPower = reportsPower,
            PowerTolerance = powerTolerance,
        });

    protected override Task<MinerReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        Reads++;
        if (ReadFailures.TryDequeue(out var failure))
        {
            throw failure;
        }

        var state = hardware.Read();
        if (state.IsApiDown)
        {
            throw new MinerUnreachableException("connection refused");
        }

        return Task.FromResult(new MinerReading
        {
            At = state.At,
            Status = state.Phase switch
            {
                MinerPhase.Mining => MinerStatus.Mining,
                MinerPhase.Sleeping => MinerStatus.Sleeping,
                _ => MinerStatus.Starting,
            },
            PowerWatts = state.PowerWatts,
            PowerSource = reportsPower ? PowerReadingSource.Measured : PowerReadingSource.Estimated,
            HashrateTerahash = state.HashrateTerahash,
            PowerLimitWatts = _limit,
            ChipTemperatures = [state.ChipTemperature],
        });
    }

    protected override Task<SentCommand> SendCoreAsync(MinerCommand command, MinerCapabilities capabilities, MinerReading before, CancellationToken cancellationToken)
    {
        Sent.Add(command);
        if (!IgnoreCommands)
        {
            switch (command.Kind)
            {
                case MinerCommandKind.Sleep: hardware.Sleep(); break;
                case MinerCommandKind.Wake: hardware.Wake(); break;
                case MinerCommandKind.SetPower:
                    _limit = hardware.SetPowerTarget(command.Watts!.Value, powerChangeRestarts);
                    break;
            }
        }

        return Task.FromResult(new SentCommand(command.ToString(), powerChangeRestarts && command.Kind == MinerCommandKind.SetPower));
    }
}

namespace ProofOfHeat.Drivers.HeatSources.Tests;

/// <summary>A driver for <see cref="InMemoryHeatSource"/>: a silent source never answers, so the reply timeout (on the injected clock) ends the wait.</summary>
internal sealed class InMemoryHeatSourceDriver(InMemoryHeatSource source, HeatSourceDriverContext context)
    : HeatSourceDriverBase("in-memory", "memory://source", context)
{
    public static HeatSourceCapabilities Capabilities { get; } = new()
    {
        Model = "in-memory heat pump",
        CanSwitch = true,
        Levels = [new("normal", "runs on its own curve"), new("boost", "raises its setpoints")],
        FlowSetpoint = new HeatSourceRange(20, 55),
        MinimumOnTime = TimeSpan.FromMinutes(10),
        MinimumOffTime = TimeSpan.FromMinutes(5),
        MinimumLevelDwell = TimeSpan.FromMinutes(10),
        ReportsPower = true,
    };

    protected override Task<HeatSourceCapabilities> ReadCapabilitiesCoreAsync(CancellationToken cancellationToken) => Task.FromResult(Capabilities);

    protected override async Task<HeatSourceReading> ReadCoreAsync(CancellationToken cancellationToken)
    {
        await AnswerAsync(cancellationToken);
        return new HeatSourceReading
        {
            At = Time.GetUtcNow(),
            Status = source.IsOn ? HeatSourceStatus.Running : HeatSourceStatus.Off,
            IsOn = source.IsOn,
            Level = source.Level,
            FlowSetpoint = source.FlowSetpoint,
            PowerWatts = source.IsOn ? 1500 : 5,
        };
    }

    protected override async Task<SentHeatSourceCommand> SendCoreAsync(HeatSourceCommand command, HeatSourceReading before, CancellationToken cancellationToken)
    {
        await AnswerAsync(cancellationToken);
        source.Take(command);
        return new SentHeatSourceCommand(command.ToString());
    }

    // A silent source: wait the reply timeout out on the driver's clock, as a protocol client would.
    private async Task AnswerAsync(CancellationToken cancellationToken)
    {
        if (!source.Silent)
        {
            return;
        }

        await Task.Delay(Timeouts.Reply, Time, cancellationToken);
        throw new HeatSourceUnreachableException($"no reply within {Timeouts.Reply}");
    }
}

using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Tests.Fakes;

/// <summary>
/// A miner in memory that counts what reaches it: every <see cref="ApplyAsync"/> call, and every command that changed
/// it (with the time), like a real driver skipping commands already in effect. Reads show its state at once.
/// </summary>
internal sealed class CountingMinerDriver(TimeProvider time, MinerCapabilities capabilities, string family = FakeMinerFamily.Id) : IMinerDriver
{
    public string Family => family;

    public MinerEndpoint Endpoint { get; } = new("fake.local");

    public MinerCapabilities Capabilities { get; set; } = capabilities;

    public bool IsOn { get; set; } = true;

    public int? PowerLimit { get; set; } = capabilities.MaximumPowerWatts;

    public string? Mode { get; set; } = capabilities.Tiers.Count > 0 ? capabilities.Tiers[^1].Name : null;

    public double Temperature { get; set; } = 60;

    public bool Unreachable { get; set; }

    public int ApplyCalls { get; private set; }

    public int Reads { get; private set; }

    /// <summary>The commands that changed the miner, with when.</summary>
    public List<(DateTimeOffset At, MinerCommand Command)> Changes { get; } = [];

    public Task<MinerCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken) =>
        Unreachable ? Task.FromException<MinerCapabilities>(new MinerUnreachableException("no answer")) : Task.FromResult(Capabilities);

    /// <summary>When set, reads wait for it (to hold a poll in flight).</summary>
    public TaskCompletionSource? ReadGate { get; set; }

    public async Task<MinerReading> ReadAsync(CancellationToken cancellationToken)
    {
        Reads++;
        if (ReadGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Read();
    }

    public Task<MinerCommandResult> ApplyAsync(MinerCommand command, CancellationToken cancellationToken)
    {
        ApplyCalls++;
        if (Unreachable)
        {
            return Task.FromException<MinerCommandResult>(new MinerUnreachableException("connection refused"));
        }

        var resolved = Capabilities.Resolve(command);
        if (InEffect(resolved))
        {
            return Task.FromResult(new MinerCommandResult(MinerCommandOutcome.AlreadyInEffect, Read()));
        }

        Changes.Add((time.GetUtcNow(), resolved));
        switch (resolved.Kind)
        {
            case MinerCommandKind.Sleep:
                IsOn = false;
                break;
            case MinerCommandKind.Wake:
                IsOn = true;
                break;
            case MinerCommandKind.SetPower:
                IsOn = true;
                PowerLimit = resolved.Watts;
                break;
            case MinerCommandKind.SetTier:
                IsOn = true;
                Mode = resolved.Tier;
                break;
        }

        return Task.FromResult(new MinerCommandResult(MinerCommandOutcome.Applied, Read(), $"fake {resolved}"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private bool InEffect(MinerCommand command) => command.Kind switch
    {
        MinerCommandKind.Sleep => !IsOn,
        MinerCommandKind.Wake => IsOn,
        MinerCommandKind.SetPower => IsOn && PowerLimit == command.Watts,
        _ => IsOn && string.Equals(Mode, command.Tier, StringComparison.OrdinalIgnoreCase),
    };

    private MinerReading Read()
    {
        var now = time.GetUtcNow();
        if (Unreachable)
        {
            return MinerReading.Unreachable(now, "no answer");
        }

        var watts = Capabilities.PowerControl == MinerPowerControl.Tiers
            ? Capabilities.Tiers.FirstOrDefault(t => t.Name == Mode)?.Watts ?? 0
            : PowerLimit ?? 0;
        return new MinerReading
        {
            At = now,
            Status = IsOn ? MinerStatus.Mining : MinerStatus.Sleeping,
            HashrateTerahash = IsOn ? watts / 30.0 : 0,
            PowerWatts = IsOn ? watts : Capabilities.SleepPowerWatts,
            PowerSource = PowerReadingSource.Measured,
            PowerLimitWatts = Capabilities.PowerControl == MinerPowerControl.Continuous ? PowerLimit : null,
            Mode = Mode,
            ChipTemperatures = [Temperature],
            Uptime = TimeSpan.FromHours(3),
        };
    }
}

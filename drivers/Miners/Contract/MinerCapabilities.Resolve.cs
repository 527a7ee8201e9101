namespace ProofOfHeat.Drivers.Miners;

/// <summary>Turning a command into what this miner can take.</summary>
public sealed partial record MinerCapabilities
{
    /// <summary>
    /// The command this miner takes for <paramref name="command"/>: a watt target is clamped to
    /// the range and snapped to the step (continuous), or becomes the highest tier not above it
    /// (tiers); a tier must exist.
    /// </summary>
    /// <exception cref="MinerUnsupportedException">The miner cannot do it.</exception>
    public MinerCommand Resolve(MinerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Kind)
        {
            case MinerCommandKind.Sleep or MinerCommandKind.Wake when !CanSleep:
                throw new MinerUnsupportedException($"{Model} cannot sleep or wake through its API.");
            case MinerCommandKind.SetPower when PowerControl == MinerPowerControl.Continuous:
                return MinerCommand.SetPower(ClampPower(command.Watts!.Value));
            case MinerCommandKind.SetPower when PowerControl == MinerPowerControl.Tiers && Tiers.Count > 0:
                return MinerCommand.SetTier(TierFor(command.Watts!.Value).Name);
            case MinerCommandKind.SetPower:
                throw new MinerUnsupportedException($"{Model} has no power control.");
            case MinerCommandKind.SetTier when !Tiers.Any(t => string.Equals(t.Name, command.Tier, StringComparison.OrdinalIgnoreCase)):
                throw new MinerUnsupportedException(
                    $"{Model} has no tier '{command.Tier}'; it has: {string.Join(", ", Tiers.Select(t => t.Name))}.");
            default:
                return command;
        }
    }

    /// <summary>The highest tier whose power is not above <paramref name="watts"/>, or the lowest tier.</summary>
    public MinerPowerTier TierFor(int watts)
    {
        if (Tiers.Count == 0)
        {
            throw new MinerUnsupportedException($"{Model} has no tiers.");
        }

        return Tiers.Where(t => t.Watts <= watts).MaxBy(t => t.Watts) ?? Tiers.MinBy(t => t.Watts)!;
    }

    /// <summary><paramref name="watts"/> within the range and on the step.</summary>
    public int ClampPower(int watts)
    {
        var low = MinimumPowerWatts ?? 1;
        var high = MaximumPowerWatts ?? int.MaxValue;
        var clamped = Math.Clamp(watts, low, Math.Max(low, high));
        if (PowerStepWatts is > 1 and var step)
        {
            clamped = low + ((clamped - low) / step * step);
        }

        return clamped;
    }
}

namespace ProofOfHeat.Sim.Heating;

/// <summary>
/// The water loop between hydronic sources and the room: a first-order delivery lag with time
/// constant τ, which is the same as a store of heat E with delivered power E/τ. The update is
/// exact for a constant input over the step, so the loop conserves energy.
/// </summary>
public sealed class HydronicLoop
{
    /// <summary>Creates the loop, cold (delivering nothing).</summary>
    public HydronicLoop(TimeSpan timeConstant)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeConstant, TimeSpan.Zero);
        TimeConstant = timeConstant;
    }

    /// <summary>The delivery time constant.</summary>
    public TimeSpan TimeConstant { get; }

    /// <summary>Power the emitters deliver to the room right now, W.</summary>
    public double DeliveredWatts { get; private set; }

    /// <summary>Heat stored in the loop above the room, J (τ·delivered).</summary>
    public double StoredHeat => TimeConstant.TotalSeconds * DeliveredWatts;

    /// <summary>Advances the loop with <paramref name="producedWatts"/> held over <paramref name="step"/>; returns the mean delivered power.</summary>
    public double Step(TimeSpan step, double producedWatts)
    {
        var tau = TimeConstant.TotalSeconds;
        var seconds = step.TotalSeconds;
        var decay = Math.Exp(-seconds / tau);
        var start = DeliveredWatts;
        var delivered = (producedWatts * seconds) + ((start - producedWatts) * tau * (1 - decay));
        DeliveredWatts = producedWatts + ((start - producedWatts) * decay);
        return delivered / seconds;
    }
}

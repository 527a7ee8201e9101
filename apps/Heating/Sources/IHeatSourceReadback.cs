namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>
/// A commander that can also tell what its source really draws (a miner through the fleet), so the optimiser plans
/// from what the source does rather than from what it was told: a change the fleet's dwell guard deferred, or a
/// miner still restarting, is not counted as delivered.
/// </summary>
public interface IHeatSourceReadback
{
    /// <summary>The power the source draws now, W (0 asleep), or null when it cannot be read.</summary>
    double? DeliveredWatts { get; }
}

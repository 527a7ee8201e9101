namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>What one source should do now.</summary>
/// <param name="SourceId">The source.</param>
/// <param name="PowerWatts">The power, W (0 = off).</param>
/// <param name="TargetTemperature">The setpoint for a climate source (the warmest demanding zone's target), °C, or null.</param>
/// <param name="Reason">Why, in a few words (<c>max of living 80%, office 20%; night limit 1000 W</c>).</param>
/// <param name="FlowTemperature">The flow temperature the optimiser planned for a running hydronic source (its heating curve), °C, or null.</param>
/// <param name="Delivery">What became of it once sent.</param>
/// <param name="FailureCode">Why delivery failed (HA's error code, the exception's type, <c>no commander</c>), or null.</param>
public sealed record HeatSourceCommand(
    string SourceId, int PowerWatts, double? TargetTemperature, string Reason, double? FlowTemperature = null,
    CommandDelivery Delivery = CommandDelivery.NotSent, string? FailureCode = null)
{
    /// <summary>Whether it was sent and not delivered.</summary>
    public bool Failed => Delivery is CommandDelivery.Failed or CommandDelivery.NoCommander;
}

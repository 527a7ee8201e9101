namespace ProofOfHeat.Apps.Miners.Fleet;

/// <summary>An alert for the notification layer (and the HA event <c>poh_miner_alert</c>).</summary>
/// <param name="MinerId">The miner.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Temperature">The hottest temperature read, °C, or null.</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="At">When.</param>
public sealed record MinerAlert(string MinerId, MinerAlertKind Kind, double? Temperature, string Message, DateTimeOffset At);

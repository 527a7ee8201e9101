namespace ProofOfHeat.Sim.Miners;

/// <summary>A simulated miner at one instant.</summary>
/// <param name="At">The instant.</param>
/// <param name="Phase">Its life-cycle phase.</param>
/// <param name="TargetPowerWatts">The power target set (kept while asleep).</param>
/// <param name="PowerWatts">The power drawn now (all of it becomes heat), W.</param>
/// <param name="HashrateTerahash">Hashrate, TH/s (0 unless mining).</param>
/// <param name="ChipTemperature">Hottest chip, °C.</param>
/// <param name="BoardTemperature">Hashboard, °C.</param>
/// <param name="FanRpm">Each fan's speed.</param>
/// <param name="Uptime">Time since the mining software last started.</param>
/// <param name="EnergyJoules">Electric energy drawn since the simulator started, J.</param>
public sealed record MinerHardwareState(
    DateTimeOffset At,
    MinerPhase Phase,
    int TargetPowerWatts,
    double PowerWatts,
    double HashrateTerahash,
    double ChipTemperature,
    double BoardTemperature,
    int FanRpm,
    TimeSpan Uptime,
    double EnergyJoules)
{
    /// <summary>Whether the API is down (restarting).</summary>
    public bool IsApiDown => Phase == MinerPhase.Restarting;
}

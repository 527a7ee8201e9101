using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Dwell;

/// <summary>The dwell times that hold for one miner.</summary>
/// <param name="MinimumOn">The least time running before sleeping.</param>
/// <param name="MinimumOff">The least time asleep before waking.</param>
/// <param name="PowerChangeInterval">The least time between two power changes.</param>
public sealed record MinerDwellTimes(TimeSpan MinimumOn, TimeSpan MinimumOff, TimeSpan PowerChangeInterval)
{
    /// <summary>
    /// The times for a miner of <paramref name="family"/>: the power-change interval is the restarting one when a change
    /// restarts it, the tuned one on firmware that retunes (Braiins OS, VNish), else the plain one.
    /// </summary>
    /// <param name="options">The configured times.</param>
    /// <param name="family">The firmware family.</param>
    /// <param name="capabilities">What the miner can do, or null before it was asked (the plain interval is kept until then, unless the family retunes).</param>
    public static MinerDwellTimes For(MinerDwellOptions options, string family, MinerCapabilities? capabilities)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retunes = string.Equals(family, MinerFamilies.BraiinsOs, StringComparison.OrdinalIgnoreCase)
            || string.Equals(family, MinerFamilies.VNish, StringComparison.OrdinalIgnoreCase);
        var interval = capabilities?.PowerChangeRestarts == true
            ? options.RestartingPowerChangeInterval
            : retunes ? options.TunedPowerChangeInterval : options.PowerChangeInterval;
        return new MinerDwellTimes(options.MinimumOn, options.MinimumOff, interval);
    }
}

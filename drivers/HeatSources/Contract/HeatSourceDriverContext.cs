using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>What every driver is given: the clock for its timeouts, retries and time stamps, its bounds and logging.</summary>
/// <param name="Time">The clock (fake in tests).</param>
/// <param name="Timeouts">The bounds to keep.</param>
/// <param name="LoggerFactory">Where logs go.</param>
public sealed record HeatSourceDriverContext(TimeProvider Time, HeatSourceTimeouts Timeouts, ILoggerFactory LoggerFactory)
{
    /// <summary>The system clock, default bounds and no logging.</summary>
    public static HeatSourceDriverContext Default { get; } = new(TimeProvider.System, new HeatSourceTimeouts(), NullLoggerFactory.Instance);
}

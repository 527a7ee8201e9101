using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProofOfHeat.Drivers.Miners;

/// <summary>What a driver gets from its host: the clock, logging and the time bounds it must keep.</summary>
/// <param name="Time">The clock for every timeout, retry delay and time stamp.</param>
/// <param name="Timeouts">How long to wait and how often to retry.</param>
/// <param name="LoggerFactory">Where drivers log (passwords and tokens are never logged).</param>
public sealed record MinerDriverContext(TimeProvider Time, MinerTimeouts Timeouts, ILoggerFactory LoggerFactory)
{
    /// <summary>A context on the given clock with default timeouts and no logging.</summary>
    public static MinerDriverContext Default(TimeProvider time) => new(time, new MinerTimeouts(), NullLoggerFactory.Instance);
}

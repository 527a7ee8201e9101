namespace ProofOfHeat.Drivers.Miners;

/// <summary>
/// One miner, spoken to in its firmware's own protocol. Reads never throw for an outage the
/// miner is expected to have (rebooting, asleep with its API down, unreachable): the reading says
/// so in <see cref="MinerReading.Status"/>. Commands are idempotent — a command that is already in
/// effect sends nothing — and verified by reading the miner back.
/// </summary>
/// <remarks>A driver instance serves one miner; calls may overlap and the driver serialises them.</remarks>
public interface IMinerDriver : IAsyncDisposable
{
    /// <summary>The firmware family's id, e.g. <c>braiins-os</c> (see <see cref="MinerFamilies"/>).</summary>
    string Family { get; }

    /// <summary>Where the miner is.</summary>
    MinerEndpoint Endpoint { get; }

    /// <summary>
    /// What this miner can do. Asks the miner the first time (model, power constraints, presets)
    /// and caches the answer.
    /// </summary>
    /// <exception cref="MinerException">The miner could not be asked (auth, protocol, unreachable).</exception>
    Task<MinerCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken);

    /// <summary>Reads telemetry. Bounded in time by the driver's timeouts and retries.</summary>
    /// <exception cref="MinerAuthenticationException">The credentials are refused.</exception>
    /// <exception cref="MinerProtocolException">The miner answered, but not in its protocol, on every retry.</exception>
    Task<MinerReading> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="command"/> unless it is already in effect, then reads back and
    /// reports whether the miner took it.
    /// </summary>
    /// <exception cref="MinerUnsupportedException">The miner cannot do this (see capabilities).</exception>
    /// <exception cref="MinerException">The command could not be delivered.</exception>
    Task<MinerCommandResult> ApplyAsync(MinerCommand command, CancellationToken cancellationToken);
}

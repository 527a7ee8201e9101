namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>
/// One heat source (heat pump, boiler, SG-Ready relay pair), spoken to in its own protocol. Reads never throw for an
/// outage the source is expected to have (unreachable, silent): the reading says so in
/// <see cref="HeatSourceReading.Status"/>. Commands are idempotent — a command already in effect sends nothing — and
/// verified by reading the source back.
/// </summary>
/// <remarks>A driver instance serves one source; calls may overlap and the driver serialises them.</remarks>
public interface IHeatSourceDriver : IAsyncDisposable
{
    /// <summary>The driver's kind, e.g. <c>modbus</c>, <c>sg-ready</c>, <c>otgw</c>, <c>ems-esp</c>.</summary>
    string Kind { get; }

    /// <summary>Where the source is, in words for logs (e.g. <c>modbus://192.0.2.5:502/1</c>); no secrets.</summary>
    string Endpoint { get; }

    /// <summary>What this source can do and the minimum times it must be left in a state. Cached after the first call.</summary>
    /// <exception cref="HeatSourceException">The source could not be asked.</exception>
    Task<HeatSourceCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken);

    /// <summary>Reads the source's state. Bounded in time by the driver's timeouts and retries.</summary>
    Task<HeatSourceReading> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="command"/> unless it is already in effect, then reads back and reports whether the
    /// source followed it. A refusal (by the device, or by a minimum time not yet elapsed) and an unreachable source
    /// are outcomes, not exceptions.
    /// </summary>
    /// <exception cref="HeatSourceUnsupportedException">The source cannot do this (see capabilities).</exception>
    Task<HeatSourceCommandResult> ApplyAsync(HeatSourceCommand command, CancellationToken cancellationToken);
}

using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Telemetry.Outbox;

/// <summary>Points read for one sink, and the position the sink's cursor moves to once it acknowledged them.</summary>
/// <param name="Points">The points, in recording order.</param>
/// <param name="End">The position just past the last line read.</param>
/// <param name="DamagedLines">Lines that did not parse (a torn write after a power loss); skipped.</param>
public sealed record OutboxBatch(IReadOnlyList<TelemetryPoint> Points, OutboxPosition End, int DamagedLines)
{
    /// <summary>Whether nothing was read (neither points nor damaged lines).</summary>
    public bool IsEmpty => Points.Count == 0 && DamagedLines == 0;
}

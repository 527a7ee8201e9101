using System.Collections.Concurrent;
using ProofOfHeat.Apps.Heating.Optimiser;

namespace ProofOfHeat.Host.Storage;

/// <summary>
/// The zones' recorded history in the run-time store's <c>heating_history</c> table, one row per zone
/// and minute, so a restart or a crash does not cost the optimiser its 48 h of learning. Each append
/// is durable before it returns (the store's <c>synchronous=FULL</c>); a zone keeps
/// <see cref="Retention"/>, pruned once an hour rather than on every append.
/// </summary>
internal sealed class SqliteHeatingHistoryStore(RuntimeStore store) : IHeatingHistoryStore
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    // Per zone, the sample time (unix seconds) from which the next append prunes; absent until the first one.
    private readonly ConcurrentDictionary<string, long> _nextPrune = new(StringComparer.Ordinal);

    /// <summary>How much history a zone keeps, back from its newest sample (the optimiser loads 7 days).</summary>
    public static TimeSpan Retention { get; } = TimeSpan.FromDays(8);

    /// <inheritdoc />
    public IReadOnlyList<HeatingHistorySample> Load(string zoneId, TimeSpan span)
    {
        ArgumentException.ThrowIfNullOrEmpty(zoneId);
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        return store.LoadHeatingHistory(zoneId, (long)span.TotalSeconds);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The sample is kept under the start of its minute: the recorder's timer may slip, and a second
    /// sample within one minute replaces the first rather than adding a row.
    /// </remarks>
    public void Append(string zoneId, HeatingHistorySample sample)
    {
        ArgumentException.ThrowIfNullOrEmpty(zoneId);
        ArgumentNullException.ThrowIfNull(sample);
        var ticks = sample.At.UtcTicks;
        var minute = new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).ToUnixTimeSeconds();
        long? pruneBefore = !_nextPrune.TryGetValue(zoneId, out var due) || minute >= due
            ? minute - (long)Retention.TotalSeconds
            : null;
        store.AppendHeatingHistory(zoneId, minute, sample, pruneBefore);
        if (pruneBefore is not null)
        {
            _nextPrune[zoneId] = minute + (long)PruneEvery.TotalSeconds;
        }
    }
}

namespace ProofOfHeat.Apps.Heating.Optimiser;

/// <summary>Keeps each zone's last <see cref="Capacity"/> samples in memory (a week of minutes by default).</summary>
public sealed class InMemoryHeatingHistoryStore : IHeatingHistoryStore
{
    private readonly Dictionary<string, Queue<HeatingHistorySample>> _zones = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Creates an empty store.</summary>
    public InMemoryHeatingHistoryStore(int capacity = 7 * 24 * 60)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most samples kept per zone; the oldest go first.</summary>
    public int Capacity { get; }

    /// <inheritdoc />
    public IReadOnlyList<HeatingHistorySample> Load(string zoneId, TimeSpan span)
    {
        lock (_gate)
        {
            if (!_zones.TryGetValue(zoneId, out var samples) || samples.Count == 0)
            {
                return [];
            }

            var from = samples.Last().At - span;
            return [.. samples.Where(s => s.At >= from)];
        }
    }

    /// <inheritdoc />
    public void Append(string zoneId, HeatingHistorySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        lock (_gate)
        {
            if (!_zones.TryGetValue(zoneId, out var samples))
            {
                samples = new Queue<HeatingHistorySample>();
                _zones[zoneId] = samples;
            }

            samples.Enqueue(sample);
            while (samples.Count > Capacity)
            {
                samples.Dequeue();
            }
        }
    }
}

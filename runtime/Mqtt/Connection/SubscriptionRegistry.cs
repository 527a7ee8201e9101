using ProofOfHeat.Mqtt.Packets;

namespace ProofOfHeat.Mqtt.Connection;

/// <summary>
/// The active subscriptions, grouped by topic filter (several handlers may share one broker subscription). The
/// dispatcher reads an immutable snapshot, so routing never takes a lock.
/// </summary>
internal sealed class SubscriptionRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<MqttSubscription>> _byFilter = new(StringComparer.Ordinal);
    private MqttSubscription[] _snapshot = [];

    /// <summary>Every active subscription (for routing).</summary>
    public MqttSubscription[] Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Adds <paramref name="subscription"/>; true when the broker must be told (new filter, or higher QoS).</summary>
    public bool Add(MqttSubscription subscription)
    {
        lock (_gate)
        {
            if (!_byFilter.TryGetValue(subscription.TopicFilter, out var list))
            {
                list = [];
                _byFilter.Add(subscription.TopicFilter, list);
            }

            var previousQos = list.Count == 0 ? (MqttQualityOfService?)null : list.Max(s => s.QualityOfService);
            list.Add(subscription);
            Publish();
            return previousQos is null || subscription.QualityOfService > previousQos;
        }
    }

    /// <summary>Removes <paramref name="subscription"/>; true when it was the last one for its filter.</summary>
    public bool Remove(MqttSubscription subscription)
    {
        lock (_gate)
        {
            if (!_byFilter.TryGetValue(subscription.TopicFilter, out var list) || !list.Remove(subscription))
            {
                return false;
            }

            if (list.Count == 0)
            {
                _byFilter.Remove(subscription.TopicFilter);
            }

            Publish();
            return list.Count == 0;
        }
    }

    /// <summary>One entry per filter with the highest QoS any of its handlers asked for (for resubscribing).</summary>
    public List<MqttTopicSubscription> ActiveFilters()
    {
        lock (_gate)
        {
            return _byFilter
                .Select(pair => new MqttTopicSubscription(pair.Key, pair.Value.Max(s => s.QualityOfService)))
                .ToList();
        }
    }

    private void Publish() => Volatile.Write(ref _snapshot, _byFilter.Values.SelectMany(list => list).ToArray());
}

using ProofOfHeat.Mqtt.Connection;

namespace ProofOfHeat.Mqtt;

/// <summary>
/// An active subscription: its handler receives every message whose topic matches <see cref="TopicFilter"/>. It
/// survives reconnects (the client subscribes again). Dispose it to unsubscribe.
/// </summary>
public sealed class MqttSubscription : IAsyncDisposable
{
    private readonly MqttClientSession _session;
    private int _disposed;

    internal MqttSubscription(
        MqttClientSession session,
        string topicFilter,
        MqttQualityOfService qualityOfService,
        Func<MqttApplicationMessage, CancellationToken, ValueTask> handler)
    {
        _session = session;
        TopicFilter = topicFilter;
        QualityOfService = qualityOfService;
        Handler = handler;
    }

    /// <summary>The topic filter, possibly with '+' and '#' wildcards.</summary>
    public string TopicFilter { get; }

    /// <summary>The QoS requested from the broker.</summary>
    public MqttQualityOfService QualityOfService { get; }

    /// <summary>Whether the subscription has been disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    internal Func<MqttApplicationMessage, CancellationToken, ValueTask> Handler { get; }

    /// <summary>Unsubscribes; UNSUBSCRIBE is sent when no other subscription uses the same filter.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _session.UnsubscribeAsync(this, CancellationToken.None);
        }
    }
}

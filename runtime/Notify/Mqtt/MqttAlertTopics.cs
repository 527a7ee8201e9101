namespace ProofOfHeat.Notify.Mqtt;

/// <summary>
/// Where alerts live on the broker, under the brain's base topic (<c>poh</c> by default):
/// <list type="bullet">
/// <item><c>&lt;base&gt;/alerts/open/&lt;key&gt;</c>: the alert as JSON, retained while it is open; an empty retained
/// payload when it is resolved (an empty retained message deletes the retained one, MQTT 3.1.1 §3.3.1.3).</item>
/// <item><c>&lt;base&gt;/alerts/events</c>: every change (raised, repeated, acknowledged, resolved) as JSON, not retained.</item>
/// <item><c>&lt;base&gt;/alerts/ack</c>: acknowledgements in (the key as text, or <c>{"key"|"id": …, "by": …}</c>).</item>
/// </list>
/// Under <c>alerts/</c> no topic has three more levels ending in <c>set</c>, so the entity manager's
/// <c>&lt;base&gt;/+/+/set</c> command filter never sees these.
/// </summary>
public sealed class MqttAlertTopics
{
    /// <summary>Topics under <paramref name="baseTopic"/>.</summary>
    public MqttAlertTopics(string baseTopic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseTopic);
        Root = baseTopic.TrimEnd('/') + "/alerts";
    }

    /// <summary><c>&lt;base&gt;/alerts</c>.</summary>
    public string Root { get; }

    /// <summary>The non-retained stream of every change.</summary>
    public string Events => Root + "/events";

    /// <summary>Where acknowledgements are accepted.</summary>
    public string Acknowledge => Root + "/ack";

    /// <summary>The filter matching every open alert's retained topic.</summary>
    public string OpenFilter => Root + "/open/+";

    /// <summary>The retained topic of the alert with <paramref name="key"/>.</summary>
    public string Open(string key) => Root + "/open/" + TopicLevel(key);

    /// <summary>
    /// <paramref name="key"/> as one topic level: <c>/</c> would add levels and <c>+</c>, <c>#</c> are not allowed in a
    /// topic name (MQTT 3.1.1 §4.7.1), so they become <c>_</c>. The JSON always carries the key as raised.
    /// </summary>
    public static string TopicLevel(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return string.Create(key.Length, key, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is '/' or '+' or '#' or '\0' ? '_' : source[i];
            }
        });
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>What tests do to the fake: change states, fire events, misbehave.</summary>
public sealed partial class FakeHomeAssistant
{
    // Guards the state machine and subscriptions, so "snapshot + later events" is atomic as in HA's event loop.
    private readonly object _gate = new();
    private TaskCompletionSource _running = NewResumed();
    private DateTimeOffset? _restartUntil;
    private bool _restartManual;

    /// <summary>True while a restart is in progress: get_config reports NOT_RUNNING.</summary>
    public bool IsRestarting
    {
        get
        {
            lock (_gate)
            {
                return _restartManual || (_restartUntil is { } until && Time.GetUtcNow() < until);
            }
        }
    }

    /// <summary>
    /// Sets an entity's state (creating it if needed) and pushes <c>state_changed</c> to subscribers.
    /// <c>last_changed</c> moves only when the state value changes; <c>last_updated</c> always moves.
    /// </summary>
    public void SetState(string entityId, string state, object? attributes = null)
    {
        lock (_gate)
        {
            var now = FormatTime(Time.GetUtcNow());
            _states.TryGetValue(entityId, out var old);
            var oldState = old?["state"]?.GetValue<string>();
            var newState = new JsonObject
            {
                ["entity_id"] = entityId,
                ["state"] = state,
                ["attributes"] = attributes is null
                    ? old?["attributes"]?.DeepClone() ?? new JsonObject()
                    : JsonSerializer.SerializeToNode(attributes),
                ["last_changed"] = oldState == state && old is not null ? old["last_changed"]!.DeepClone() : now,
                ["last_reported"] = now,
                ["last_updated"] = now,
                ["context"] = NewContext(),
            };
            _states[entityId] = newState;
            PushStateChangedLocked(entityId, old, newState);
        }
    }

    /// <summary>Removes an entity; subscribers get a state_changed with <c>new_state: null</c>.</summary>
    public bool RemoveEntity(string entityId)
    {
        lock (_gate)
        {
            if (!_states.Remove(entityId, out var old))
            {
                return false;
            }

            PushStateChangedLocked(entityId, old, null);
            return true;
        }
    }

    /// <summary>Fires an event of any type to matching subscribers.</summary>
    public void FireEvent(string eventType, object? data = null)
    {
        var node = data is null ? new JsonObject() : JsonSerializer.SerializeToNode(data);
        lock (_gate)
        {
            PushEventLocked(eventType, node);
        }
    }

    /// <summary>Closes every open connection abruptly (TCP reset, no close handshake).</summary>
    public async Task DropConnectionsAsync()
    {
        List<Task> ending = [];
        foreach (var (number, session) in _sessions)
        {
            session.Abort();
            if (_sessionTasks.TryGetValue(number, out var task))
            {
                ending.Add(task);
            }
        }

        await Task.WhenAll(ending);
    }

    /// <summary>
    /// Makes HA hang, keeping sockets open: nothing more is written on any connection (results, events and pongs queue
    /// up and leave, coalesced, on <see cref="Resume"/>), and new connections get no <c>auth_required</c>. Commands
    /// are still read and recorded, so a test can see that a ping arrived and went unanswered.
    /// </summary>
    public void Stall()
    {
        lock (_gate)
        {
            if (_running.Task.IsCompleted)
            {
                _running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Ends <see cref="Stall"/>.</summary>
    public void Resume() => ResumeInternal();

    /// <summary>
    /// Restarts HA: drops every connection; until <paramref name="notRunningFor"/> has passed on the fake's clock (or,
    /// when null, until <see cref="EndRestart"/>), new connections authenticate but get_config reports NOT_RUNNING.
    /// </summary>
    public async Task RestartAsync(TimeSpan? notRunningFor = null)
    {
        lock (_gate)
        {
            _restartManual = notRunningFor is null;
            _restartUntil = notRunningFor is { } d ? Time.GetUtcNow() + d : null;
        }

        await DropConnectionsAsync();
    }

    /// <summary>Ends a restart started without a duration.</summary>
    public void EndRestart()
    {
        lock (_gate)
        {
            _restartManual = false;
            _restartUntil = null;
        }
    }

    /// <summary>Sends a text frame that is not JSON on every open connection.</summary>
    public async Task SendGarbageAsync(string garbage = "}{ this is not json")
    {
        foreach (var session in _sessions.Values)
        {
            await session.SendRawAsync(Encoding.UTF8.GetBytes(garbage));
        }
    }

    internal Task WaitWhileStalledAsync(CancellationToken cancellationToken)
    {
        Task running;
        lock (_gate)
        {
            running = _running.Task;
        }

        return running.IsCompleted ? Task.CompletedTask : running.WaitAsync(cancellationToken);
    }

    internal JsonArray SnapshotStatesLocked() => [.. _states.Values.Select(s => s.DeepClone())];

    internal object Gate => _gate;

    private void ResumeInternal()
    {
        lock (_gate)
        {
            _running.TrySetResult();
        }
    }

    private void PushStateChangedLocked(string entityId, JsonObject? oldState, JsonObject? newState) =>
        PushEventLocked("state_changed", new JsonObject
        {
            ["entity_id"] = entityId,
            ["old_state"] = oldState?.DeepClone(),
            ["new_state"] = newState?.DeepClone(),
        });

    private void PushEventLocked(string eventType, JsonNode? data)
    {
        var time = FormatTime(Time.GetUtcNow());
        foreach (var session in _sessions.Values)
        {
            foreach (var (subscriptionId, subscribedType) in session.Subscriptions)
            {
                if (subscribedType is not null && subscribedType != eventType)
                {
                    continue;
                }

                var message = new JsonObject
                {
                    ["id"] = subscriptionId,
                    ["type"] = "event",
                    ["event"] = new JsonObject
                    {
                        ["event_type"] = eventType,
                        ["data"] = data?.DeepClone(),
                        ["origin"] = "LOCAL",
                        ["time_fired"] = time,
                        ["context"] = NewContext(),
                    },
                };
                session.Enqueue(message.ToJsonString());
            }
        }
    }

    private static TaskCompletionSource NewResumed()
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        completion.SetResult();
        return completion;
    }

    /// <summary>Python's isoformat() for an aware UTC datetime: microseconds and +00:00.</summary>
    internal static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", System.Globalization.CultureInfo.InvariantCulture);
}

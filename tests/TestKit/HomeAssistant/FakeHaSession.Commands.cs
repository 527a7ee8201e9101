using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>The command phase, following websocket_api/connection.py and commands.py.</summary>
internal sealed partial class FakeHaSession
{
    private static readonly HashSet<string> KnownCommands = new(StringComparer.Ordinal)
    {
        "supported_features", "get_config", "get_states", "get_services", "subscribe_events",
        "unsubscribe_events", "call_service", "fire_event", "ping",
    };

    /// <summary>Handles one command, then records it: once a test sees it recorded, its answer is already queued.</summary>
    private void HandleCommand(JsonNode? node)
    {
        var message = node as JsonObject;
        var id = message?["id"] is JsonValue idValue && idValue.GetValueKind() == JsonValueKind.Number
            && idValue.TryGetValue<long>(out var parsedId) ? parsedId : (long?)null;
        var type = message?["type"] is JsonValue typeValue && typeValue.GetValueKind() == JsonValueKind.String
            ? typeValue.GetValue<string>() : null;
        var received = new FakeHaReceivedMessage(Number, type, id, node?.ToJsonString() ?? "null");
        try
        {
            Handle(message, id, type);
        }
        finally
        {
            _server.Record(received);
        }
    }

    private void Handle(JsonObject? message, long? id, string? type)
    {
        // connection.py: not a dict, an id that is missing, 0 or not an int, or a type that is missing or not a string.
        if (message is null || id is not { } cur || cur == 0 || string.IsNullOrEmpty(type))
        {
            // HA echoes whatever id the message had (0 when it was not an object).
            SendError(message is null ? 0 : message["id"]?.DeepClone(), "invalid_format", "Message incorrectly formatted.");
            return;
        }

        if (cur <= _lastId)
        {
            SendError(cur, "id_reuse", "Identifier values have to increase.");
            return;
        }

        if (!KnownCommands.Contains(type))
        {
            // HA answers before it records the id, so an unknown command does not move last_id.
            SendError(cur, "unknown_command", "Unknown command.");
            return;
        }

        _server.RunBeforeCommand(type);
        _lastId = cur;
        if (_server.FindResultOverride(type) is { } scripted)
        {
            SendResult(cur, scripted());
            return;
        }

        switch (type)
        {
            case "supported_features":
                HandleSupportedFeatures(cur, message);
                break;
            case "get_config":
                SendResult(cur, _server.BuildConfig());
                break;
            case "get_states":
                lock (_server.Gate)
                {
                    // Under the gate: the snapshot and later state_changed events cannot cross.
                    SendResult(cur, _server.SnapshotStatesLocked());
                }

                break;
            case "get_services":
                SendResult(cur, _server.BuildServicesMap());
                break;
            case "subscribe_events":
                HandleSubscribe(cur, message);
                break;
            case "unsubscribe_events":
                HandleUnsubscribe(cur, message);
                break;
            case "call_service":
                HandleCallService(cur, message);
                break;
            case "fire_event":
                HandleFireEvent(cur, message);
                break;
            case "ping":
                Enqueue(new JsonObject { ["id"] = cur, ["type"] = "pong" }.ToJsonString());
                break;
        }
    }

    private void HandleSupportedFeatures(long id, JsonObject message)
    {
        if (message["features"] is not JsonObject features)
        {
            SendError(id, "invalid_format", "required key not provided @ data['features']");
            return;
        }

        SendResult(id, null);
        _coalescing = features.ContainsKey("coalesce_messages");
    }

    private void HandleSubscribe(long id, JsonObject message)
    {
        string? eventType = null;
        if (message.TryGetPropertyValue("event_type", out var node))
        {
            if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                SendError(id, "invalid_format", "expected str for dictionary value @ data['event_type']");
                return;
            }

            eventType = value.GetValue<string>();
        }

        lock (_server.Gate)
        {
            // The result is queued before any event of the subscription, as HA does.
            Subscriptions[id] = eventType;
            SendResult(id, null);
        }
    }

    private void HandleUnsubscribe(long id, JsonObject message)
    {
        if (message["subscription"] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number
            || !value.TryGetValue<long>(out var subscription))
        {
            SendError(id, "invalid_format", "required key not provided @ data['subscription']");
            return;
        }

        bool removed;
        lock (_server.Gate)
        {
            removed = Subscriptions.Remove(subscription);
        }

        if (removed)
        {
            SendResult(id, null);
        }
        else
        {
            SendError(id, "not_found", "Subscription not found.");
        }
    }

    private void HandleCallService(long id, JsonObject message)
    {
        var domain = message["domain"] is JsonValue d && d.GetValueKind() == JsonValueKind.String ? d.GetValue<string>() : null;
        var service = message["service"] is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null;
        var target = message["target"];
        var data = message["service_data"];
        var returnResponse = message["return_response"];
        if (domain is null || service is null
            || (target is not null and not JsonObject)
            || (data is not null and not JsonObject)
            || (returnResponse is not null && returnResponse.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)))
        {
            SendError(id, "invalid_format", "Message incorrectly formatted.");
            return;
        }

        var wantsResponse = returnResponse?.GetValue<bool>() ?? false;
        var call = new FakeServiceCall(
            Number,
            id,
            domain,
            service,
            (JsonObject?)target?.DeepClone(),
            (JsonObject?)data?.DeepClone(),
            wantsResponse);
        _server.Record(call);

        var definition = _server.FindService(domain, service);
        if (definition is null)
        {
            SendError(id, "not_found", $"Service {domain}.{service} not found.");
            return;
        }

        if (wantsResponse && definition.ResponseSupport == FakeResponseSupport.None)
        {
            SendError(id, "service_validation_error",
                "An action which does not return responses can't be called with return_response=True");
            return;
        }

        if (!wantsResponse && definition.ResponseSupport == FakeResponseSupport.Only)
        {
            SendError(id, "service_validation_error", "An action which returns responses must be called with return_response=True");
            return;
        }

        var outcome = definition.Handler(call);
        if (outcome.ErrorCode is { } code)
        {
            SendError(id, code, outcome.ErrorMessage ?? code);
            return;
        }

        SendResult(id, new JsonObject
        {
            ["context"] = FakeHomeAssistant.NewContext(),
            ["response"] = wantsResponse ? outcome.Response?.DeepClone() ?? new JsonObject() : null,
        });
    }

    private void HandleFireEvent(long id, JsonObject message)
    {
        if (message["event_type"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            SendError(id, "invalid_format", "required key not provided @ data['event_type']");
            return;
        }

        var data = message["event_data"];
        if (data is not null and not JsonObject)
        {
            SendError(id, "invalid_format", "expected dict for dictionary value @ data['event_data']");
            return;
        }

        _server.FireEvent(value.GetValue<string>(), data?.DeepClone());
        SendResult(id, new JsonObject { ["context"] = FakeHomeAssistant.NewContext() });
    }

    private void SendResult(long id, JsonNode? result) =>
        Enqueue(new JsonObject { ["id"] = id, ["type"] = "result", ["success"] = true, ["result"] = result }.ToJsonString());

    private void SendError(JsonNode? id, string code, string message) =>
        Enqueue(new JsonObject
        {
            ["id"] = id,
            ["type"] = "result",
            ["success"] = false,
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        }.ToJsonString());
}

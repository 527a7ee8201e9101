using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>The auth phase, following websocket_api/http.py and auth.py.</summary>
internal sealed partial class FakeHaSession
{
    private static readonly TimeSpan AuthTimeout = TimeSpan.FromSeconds(10);

    private async Task<bool> AuthenticateAsync(CancellationToken cancellationToken)
    {
        // A stalled HA accepts TCP and the upgrade but says nothing, so clients must time out the auth phase.
        await _server.WaitWhileStalledAsync(cancellationToken);

        // http.py: a client that sends no auth message within 10 s is disconnected (on the fake's clock). The clock
        // starts before auth_required leaves, so a test that saw auth_required knows the deadline is armed; and the
        // disconnect is recorded before the socket closes, so a test that saw it close finds the record.
        using var authTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = Task.Delay(AuthTimeout, _server.Time, authTimeout.Token);
        await SendNowAsync(new JsonObject { ["type"] = "auth_required", ["ha_version"] = _server.HaVersion }, cancellationToken);
        var receive = ReceiveTextAsync(cancellationToken);
        if (await Task.WhenAny(receive, deadline) == deadline && !deadline.IsCanceled)
        {
            _server.RecordDisconnect(Number, "no auth message within 10 s");
            Abort();
            try
            {
                await receive;
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
            {
                // The abort ended the receive, as intended.
            }

            return false;
        }

        await authTimeout.CancelAsync();
        var text = await receive;
        if (text is null || !TryParse(text, out var node))
        {
            // http.py: a non-text frame or invalid JSON in the auth phase ends the connection without a word.
            if (text is not null)
            {
                _server.RecordDisconnect(Number, "invalid JSON");
            }

            return false;
        }

        var auth = node as JsonObject;
        var type = auth?["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        var id = auth?["id"] is JsonValue i && i.TryGetValue<long>(out var n) ? n : (long?)null;
        _server.Record(new FakeHaReceivedMessage(Number, type, id, text));
        var token = auth?["access_token"] is JsonValue v && v.TryGetValue<string>(out var tok) ? tok : null;

        // auth.py: anything but {"type":"auth","access_token":str} (a command sent before auth, say) fails the schema.
        if (type != "auth" || token is null)
        {
            await SendNowAsync(new JsonObject { ["type"] = "auth_invalid", ["message"] = "Auth message incorrectly formatted" }, cancellationToken);
            await CloseAsync(cancellationToken);
            return false;
        }

        if (!_server.IsValidToken(token))
        {
            await SendNowAsync(new JsonObject { ["type"] = "auth_invalid", ["message"] = "Invalid access token or password" }, cancellationToken);
            await CloseAsync(cancellationToken);
            return false;
        }

        await SendNowAsync(new JsonObject { ["type"] = "auth_ok", ["ha_version"] = _server.HaVersion }, cancellationToken);
        return true;
    }
}

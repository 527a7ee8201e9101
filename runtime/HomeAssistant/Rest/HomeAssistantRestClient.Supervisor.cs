using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProofOfHeat.HomeAssistant.Codec;

namespace ProofOfHeat.HomeAssistant;

/// <summary>
/// The Supervisor's services API (add-on mode): <c>GET http://supervisor/services/{service}</c> with
/// <c>Authorization: Bearer $SUPERVISOR_TOKEN</c>. Every reply is <c>{"result":"ok","data":{…}}</c> or
/// <c>{"result":"error","message":"…"}</c> (status 400 for refusals such as "Service not enabled").
/// </summary>
public sealed partial class HomeAssistantRestClient
{
    /// <summary>Reads <c>GET {supervisor}/services/{service}</c> and returns its <c>data</c> object.</summary>
    /// <exception cref="SupervisorApiException">The Supervisor refused (the service is not enabled, no access) or answered nonsense.</exception>
    /// <exception cref="HomeAssistantAuthenticationException">The Supervisor rejected the token (401/403).</exception>
    /// <exception cref="HomeAssistantConnectionException">The Supervisor could not be reached.</exception>
    public async Task<JsonElement> GetSupervisorServiceAsync(string service, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        var uri = new Uri(_options.SupervisorBaseUri, "services/" + Uri.EscapeDataString(service));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.SupervisorToken ?? _options.AccessToken);
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new HomeAssistantConnectionException($"GET {uri.AbsolutePath} to the Supervisor failed: {ex.Message}", ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            _logger.LogTrace("Supervisor GET {Path} -> {Status}", uri.AbsolutePath, status);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new HomeAssistantAuthenticationException(
                    $"The Supervisor refused GET {uri.AbsolutePath} ({status}); the add-on's SUPERVISOR_TOKEN was not accepted.");
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var (result, message, data) = ReadSupervisorReply(body);
            if (!response.IsSuccessStatusCode || result != "ok")
            {
                throw new SupervisorApiException(
                    $"The Supervisor refused GET {uri.AbsolutePath} ({status}): {message ?? Truncate(body)}.{HintFor(service)}",
                    status,
                    message);
            }

            return data ?? throw new SupervisorApiException($"The Supervisor's answer to GET {uri.AbsolutePath} has no data object.", status, message);
        }
    }

    /// <summary>Reads the MQTT broker the Supervisor offers to this add-on (host, port, user, password).</summary>
    /// <exception cref="SupervisorApiException">No broker add-on provides the service, the add-on may not use it, or the data is malformed.</exception>
    /// <exception cref="HomeAssistantAuthenticationException">The Supervisor rejected the token.</exception>
    /// <exception cref="HomeAssistantConnectionException">The Supervisor could not be reached.</exception>
    public async Task<SupervisorMqttService> GetSupervisorMqttServiceAsync(CancellationToken cancellationToken)
    {
        var data = await GetSupervisorServiceAsync("mqtt", cancellationToken);
        var host = HaMessageDecoder.ReadString(data, "host"u8);
        if (string.IsNullOrEmpty(host))
        {
            throw new SupervisorApiException("The Supervisor's mqtt service data has no host.", 200, null);
        }

        var port = 1883;
        if (data.TryGetProperty("port"u8, out var p)
            && !(p.ValueKind == JsonValueKind.Number ? p.TryGetInt32(out port)
                : p.ValueKind == JsonValueKind.String && int.TryParse(p.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out port)))
        {
            throw new SupervisorApiException($"The Supervisor's mqtt service data has an invalid port {p.GetRawText()}.", 200, null);
        }

        return new SupervisorMqttService(
            host,
            port,
            data.TryGetProperty("ssl"u8, out var ssl) && ssl.ValueKind == JsonValueKind.True,
            HaMessageDecoder.ReadString(data, "username"u8),
            HaMessageDecoder.ReadString(data, "password"u8),
            HaMessageDecoder.ReadString(data, "protocol"u8));
    }

    private static (string? Result, string? Message, JsonElement? Data) ReadSupervisorReply(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            JsonElement? data = root.TryGetProperty("data"u8, out var d) && d.ValueKind == JsonValueKind.Object ? d.Clone() : null;
            return (HaMessageDecoder.ReadString(root, "result"u8), HaMessageDecoder.ReadString(root, "message"u8), data);
        }
        catch (JsonException)
        {
            return (null, null, null); // Not the Supervisor's JSON envelope (a proxy's HTML error page, say).
        }
    }

    private static string HintFor(string service) => service == "mqtt"
        ? " Install and start an MQTT broker add-on (Mosquitto), and make sure this add-on's config.yaml lists services: [\"mqtt:want\"]."
        : string.Empty;

    private static string Truncate(string body) => body.Length <= 200 ? body : body[..200] + "…";
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProofOfHeat.HomeAssistant.Codec;

namespace ProofOfHeat.HomeAssistant;

/// <summary>
/// HA's REST API and the add-on Supervisor services API over a caller-owned <see cref="HttpClient"/>.
/// Relative paths are resolved against <see cref="HomeAssistantRestOptions.ApiBaseUri"/>, for example <c>states/sensor.x</c>.
/// </summary>
public sealed partial class HomeAssistantRestClient
{
    // HA's REST bodies are snake_case like its WebSocket messages (https://developers.home-assistant.io/docs/api/rest/):
    // an object's properties are written that way; dictionary keys and JsonElement pass unchanged.
    private static readonly JsonSerializerOptions BodyOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly HttpClient _httpClient;
    private readonly HomeAssistantRestOptions _options;
    private readonly ILogger<HomeAssistantRestClient> _logger;

    /// <summary>Creates the client; <paramref name="httpClient"/> is not disposed by it.</summary>
    public HomeAssistantRestClient(HttpClient httpClient, HomeAssistantRestOptions options, ILogger<HomeAssistantRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClient = httpClient;
        _options = options;
        _logger = logger;
    }

    /// <summary>GETs <c>/api/{relativePath}</c>; null on 404.</summary>
    public Task<JsonElement?> GetAsync(string relativePath, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, Api(relativePath), null, _options.AccessToken, cancellationToken);

    /// <summary>POSTs <paramref name="body"/> as JSON to <c>/api/{relativePath}</c>; null on 404 or an empty answer.</summary>
    public Task<JsonElement?> PostAsync(string relativePath, object? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Api(relativePath), body, _options.AccessToken, cancellationToken);

    /// <summary>Reads one entity's state; null when HA does not know the entity (404).</summary>
    public async Task<HaState?> GetStateAsync(string entityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityId);
        var json = await GetAsync("states/" + Uri.EscapeDataString(entityId), cancellationToken);
        return json is { } state ? HaMessageDecoder.ReadState(state) : null;
    }

    /// <summary>Fires an event through <c>POST /api/events/{eventType}</c>.</summary>
    public Task FireEventAsync(string eventType, object? eventData, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        return PostAsync("events/" + Uri.EscapeDataString(eventType), eventData, cancellationToken);
    }

    private Uri Api(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return new Uri(_options.ApiBaseUri, relativePath.TrimStart('/'));
    }

    private async Task<JsonElement?> SendAsync(HttpMethod method, Uri uri, object? body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (method == HttpMethod.Post)
        {
            var json = body is null ? "{}" : JsonSerializer.Serialize(body, body.GetType(), BodyOptions);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new HomeAssistantConnectionException($"{method} {uri.AbsolutePath} failed: {ex.Message}", ex);
        }

        using (response)
        {
            _logger.LogTrace("REST {Method} {Path} -> {Status}", method, uri.AbsolutePath, (int)response.StatusCode);
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound:
                    return null;
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    throw new HomeAssistantAuthenticationException(
                        $"{method} {uri.AbsolutePath} was refused ({(int)response.StatusCode}); check the access token.");
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HomeAssistantCommandException(
                    "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                    $"{method} {uri.AbsolutePath} failed with {(int)response.StatusCode}: {text}");
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                // Parse into an owned element (no pooled document to dispose).
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
                return JsonElement.ParseValue(ref reader);
            }
            catch (JsonException)
            {
                // Some endpoints (POST /api/template) answer plain text.
                return JsonSerializer.SerializeToElement(text);
            }
        }
    }
}

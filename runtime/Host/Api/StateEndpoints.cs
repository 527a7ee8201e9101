using System.Net;
using System.Text.Json;
using ProofOfHeat.Host.Api.Http;
using ProofOfHeat.Host.Api.Validation;
using ProofOfHeat.Host.Storage;

namespace ProofOfHeat.Host.Api;

/// <summary>
/// <c>GET/PUT/DELETE /api/state/{ns}/{key}</c>: a JSON value, stored durably in the run-time store. Keys an app
/// reads back are checked by their <see cref="IStateValidator"/> first, with the config's rules.
/// </summary>
internal static class StateEndpoints
{
    /// <summary>The largest body accepted, in bytes: state is settings, not bulk data.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Answers one request for <c>/api/state/{ns}/{key}</c>.</summary>
    public static Task<ApiResult> HandleAsync(string method, string ns, string key, ApiRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var store = services.GetRequiredService<RuntimeStore>();
        if (ApiMethods.Is(method, ApiMethods.Get))
        {
            return GetAsync(ns, key, store, cancellationToken);
        }

        if (ApiMethods.Is(method, ApiMethods.Put))
        {
            return PutAsync(ns, key, request, services, store, cancellationToken);
        }

        return ApiMethods.Is(method, ApiMethods.Delete)
            ? DeleteAsync(ns, key, store, cancellationToken)
            : Task.FromResult(BrainApi.Error((int)HttpStatusCode.MethodNotAllowed, $"use GET, PUT or DELETE here, not {method}"));
    }

    private static async Task<ApiResult> GetAsync(string ns, string key, RuntimeStore store, CancellationToken cancellationToken)
    {
        if (CheckKey(ns, key) is { } invalid)
        {
            return invalid;
        }

        var json = await store.GetStateJsonAsync(ns, key, cancellationToken);
        return json is null
            ? BrainApi.Error((int)HttpStatusCode.NotFound, $"nothing is stored at {ns}/{key}")
            : ApiResult.Text(json, "application/json");
    }

    private static async Task<ApiResult> PutAsync(
        string ns, string key, ApiRequest request, IServiceProvider services, RuntimeStore store, CancellationToken cancellationToken)
    {
        if (CheckKey(ns, key) is { } invalid)
        {
            return invalid;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return BrainApi.Error((int)HttpStatusCode.RequestEntityTooLarge, $"the body is larger than {MaxBodyBytes} bytes");
        }

        string json;
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            json = document.RootElement.GetRawText();
            if (services.GetServices<IStateValidator>().FirstOrDefault(v => v.Applies(ns, key)) is { } validator
                && validator.Check(ns, key, document.RootElement) is { } problem)
            {
                return BrainApi.BadRequest($"{ns}/{key} was not stored: {problem}");
            }
        }
        catch (JsonException ex)
        {
            return BrainApi.BadRequest($"the body is not valid JSON: {ex.Message}");
        }

        if (json.Length > MaxBodyBytes)
        {
            return BrainApi.Error((int)HttpStatusCode.RequestEntityTooLarge, $"the body is larger than {MaxBodyBytes} bytes");
        }

        await store.SetStateJsonAsync(ns, key, json, cancellationToken);
        return ApiResult.Text(json, "application/json");
    }

    private static async Task<ApiResult> DeleteAsync(string ns, string key, RuntimeStore store, CancellationToken cancellationToken)
    {
        if (CheckKey(ns, key) is { } invalid)
        {
            return invalid;
        }

        return await store.DeleteStateAsync(ns, key, cancellationToken)
            ? ApiResult.NoContent()
            : BrainApi.Error((int)HttpStatusCode.NotFound, $"nothing is stored at {ns}/{key}");
    }

    private static ApiResult? CheckKey(string ns, string key) =>
        (StateKey.Check("namespace", ns) ?? StateKey.Check("key", key)) is { } message ? BrainApi.BadRequest(message) : null;
}

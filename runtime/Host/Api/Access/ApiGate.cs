using System.Net;
using ProofOfHeat.Host.Api.Http;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Api.Access;

/// <summary>
/// Decides who a request is from and whether they may make it, before it is routed.
/// Standalone: the <c>Host</c> header must name this brain, then an <c>Authorization: Bearer</c> token names the
/// caller (with no token configured, loopback callers are admins; the config refuses a non-loopback bind then).
/// Add-on: only Home Assistant ingress may call, so only requests from the Supervisor's address count, and the
/// user is the one the Supervisor names in <c>X-Remote-User-Id</c> (home-assistant/supervisor
/// <c>supervisor/api/ingress.py</c> <c>_init_header</c>, which drops client-sent copies of those headers; the add-on
/// docs: "Only connections from 172.30.32.2 must be allowed",
/// https://developers.home-assistant.io/docs/apps/presentation#ingress). HA admins are admins, other HA users
/// guests: through ingress only HA admins change things (issue 13). <c>/healthz</c> and the page's static files are
/// open to all in both modes.
/// </summary>
internal sealed class ApiGate
{
    /// <summary>The ingress header naming the HA user's id.</summary>
    public const string UserIdHeader = "X-Remote-User-Id";

    /// <summary>The ingress header naming the HA user's login name.</summary>
    public const string UserNameHeader = "X-Remote-User-Name";

    private const int MaxNameLength = 64;
    private readonly bool _isAddon;
    private readonly IPAddress? _ingressProxy;
    private readonly ApiTokens _tokens;
    private readonly AllowedHosts _hosts;
    private readonly IHomeAssistantUsers _users;

    /// <summary>Creates the gate for the configured API.</summary>
    public ApiGate(HttpOptions http, bool isAddon, IHomeAssistantUsers users)
    {
        ArgumentNullException.ThrowIfNull(http);
        _isAddon = isAddon;
        _ingressProxy = IPAddress.TryParse(http.IngressProxy, out var proxy) ? Normalise(proxy) : null;
        _tokens = new ApiTokens(http.Tokens);
        _hosts = new AllowedHosts(http);
        _users = users;
    }

    /// <summary>Lets <paramref name="request"/> through with its caller (null for an anonymous open request), or refuses it.</summary>
    public async Task<ApiGateDecision> CheckAsync(ApiRequest request, IReadOnlyList<string> path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var remote = request.RemoteAddress is { } address ? Normalise(address) : null;
        var required = ApiAccessRules.Required(request.Method, path);
        var fromIngress = _isAddon && remote is not null && remote.Equals(_ingressProxy);

        // Behind ingress the browser's Host (Home Assistant's own name) is passed through; only the Supervisor reaches us there.
        if (!fromIngress && !_hosts.Allows(request.Host))
        {
            return ApiGateDecision.Refuse((int)HttpStatusCode.MisdirectedRequest,
                $"this API does not answer to the host `{Cut(request.Host ?? string.Empty)}`; add it to http.hosts if it is this brain's name");
        }

        ApiCaller? caller;
        if (_isAddon)
        {
            caller = fromIngress ? await IngressCallerAsync(request, cancellationToken).ConfigureAwait(false) : null;
            if (required is not null && caller is null)
            {
                return ApiGateDecision.Refuse((int)HttpStatusCode.Forbidden, fromIngress
                    ? "the ingress request names no Home Assistant user"
                    : "in add-on mode only Home Assistant ingress may use the API");
            }
        }
        else
        {
            if (required is null)
            {
                return ApiGateDecision.Allow(null);
            }

            if (request.Header("Authorization") is not null)
            {
                caller = BearerToken(request) is { } token ? _tokens.Find(token) : null;
                if (caller is null)
                {
                    return ApiGateDecision.Unauthorized("invalid_token", "the bearer token is not valid");
                }
            }
            else
            {
                caller = !_tokens.Any && remote is not null && IPAddress.IsLoopback(remote) ? new ApiCaller("local", ApiRole.Admin) : null;
                if (caller is null)
                {
                    return ApiGateDecision.Unauthorized(null, "this API needs a token: send Authorization: Bearer <token>");
                }
            }
        }

        if (required is { } role && caller!.Role < role)
        {
            return ApiGateDecision.Refuse((int)HttpStatusCode.Forbidden,
                $"this needs the {role.ToString().ToLowerInvariant()} role; {caller.Name} is {caller.Role.ToString().ToLowerInvariant()}");
        }

        return ApiGateDecision.Allow(caller);
    }

    private async Task<ApiCaller?> IngressCallerAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (request.Header(UserIdHeader) is not { Length: > 0 } userId)
        {
            return null;
        }

        var name = request.Header(UserNameHeader) is { Length: > 0 } userName ? userName : userId;
        // Unknown or unreachable: the lesser role. Only HA admins change things through ingress; other HA users read.
        var isAdmin = await _users.IsAdminAsync(userId, cancellationToken).ConfigureAwait(false) == true;
        return new ApiCaller($"ha:{Cut(name)}", isAdmin ? ApiRole.Admin : ApiRole.Guest);
    }

    private static string? BearerToken(ApiRequest request)
    {
        // RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token; the scheme is case-insensitive (RFC 9110 §11.1).
        var header = request.Header("Authorization") ?? string.Empty;
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static string Cut(string text)
    {
        var printable = new string([.. text.Where(c => !char.IsControl(c)).Take(MaxNameLength)]);
        return text.Length > MaxNameLength ? printable + "…" : printable;
    }
}

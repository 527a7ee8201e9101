namespace ProofOfHeat.Host.Api.Access;

/// <summary>
/// The least role each request needs. <c>/healthz</c> is open (the add-on's watchdog probes it without a token), and
/// so are the page's static files (<c>/</c>, <c>/ui/…</c>: no data, and a browser cannot send a token to load them);
/// reading anything else needs a guest; operators change profiles, the active profile and app switches; every
/// other change needs an admin. Unknown paths need a guest too, so strangers learn nothing about the API.
/// </summary>
internal static class ApiAccessRules
{
    /// <summary>The state namespace that holds the heating profiles (keyed by name).</summary>
    public const string ProfilesNamespace = "heating.profiles";

    /// <summary>The state namespace and key of the active profile's name.</summary>
    public static readonly (string Namespace, string Key) ActiveProfile = ("heating", "active_profile");

    /// <summary>The role <paramref name="method"/> on <paramref name="path"/> needs, or null when anyone may ask.</summary>
    public static ApiRole? Required(string method, IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path is ["healthz"] or [] or ["ui", _])
        {
            return null;
        }

        if (path is ["api", "audit"])
        {
            // Who did what in the home is not for guests (issue 11).
            return ApiRole.Operator;
        }

        if (ApiMethods.IsRead(method))
        {
            return ApiRole.Guest;
        }

        return path switch
        {
            ["api", "apps", _, "enabled"] => ApiRole.Operator,
            ["api", "state", ProfilesNamespace, _] => ApiRole.Operator,
            ["api", "state", var ns, var key] when (ns, key) == ActiveProfile => ApiRole.Operator,
            _ => ApiRole.Admin,
        };
    }

    /// <summary>Whether the request changes something (and so is audited).</summary>
    public static bool IsChange(string method) =>
        !(ApiMethods.IsRead(method) || ApiMethods.Is(method, ApiMethods.Options));
}

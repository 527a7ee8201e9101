using System.Text.Json;
using ProofOfHeat.HomeAssistant;

namespace ProofOfHeat.Host.Api.Access;

/// <summary>
/// Learns who is an HA admin from HA's WebSocket command <c>config/auth/list</c>, cached for
/// <see cref="CacheFor"/>. Ingress names the user but not their rights (the Supervisor's <c>_init_header</c>
/// sets only <c>X-Remote-User-Id</c>, <c>-Name</c> and <c>-Display-Name</c>: home-assistant/supervisor
/// <c>supervisor/api/ingress.py</c>), so the brain asks HA, as the Supervisor itself does to fill those headers.
/// The command needs an admin connection; the add-on's connection is the Supervisor's, which is one.
/// Each user is <c>{id, username, name, is_owner, is_active, system_generated, group_ids, …}</c> and HA counts a
/// user as admin when they are the owner, or active and in group <c>system-admin</c>
/// (home-assistant/core <c>homeassistant/components/config/auth.py</c> <c>_user_info</c>,
/// <c>homeassistant/auth/models.py</c> <c>User.is_admin</c>).
/// </summary>
internal sealed class HomeAssistantUserList : IHomeAssistantUsers, IDisposable
{
    /// <summary>How long a fetched list is trusted; a role change in HA takes effect within this time.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    /// <summary>The least time between two fetches, so that unknown ids cannot make the brain flood HA.</summary>
    public static readonly TimeSpan RefetchAfter = TimeSpan.FromSeconds(30);

    private readonly Func<string, CancellationToken, Task<JsonElement>> _send;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    // One immutable snapshot, swapped whole, so readers outside the gate never see a list with another list's age.
    private volatile Snapshot _snapshot = new(new Dictionary<string, bool>(StringComparer.Ordinal), null);

    /// <summary>Creates the list over <paramref name="send"/>, which sends a WebSocket command and returns its result.</summary>
    public HomeAssistantUserList(Func<string, CancellationToken, Task<JsonElement>> send, TimeProvider time)
    {
        _send = send;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<bool?> IsAdminAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var snapshot = _snapshot;
        var age = _time.GetUtcNow() - snapshot.FetchedAt;
        if (age < CacheFor && snapshot.Admins.TryGetValue(userId, out var known))
        {
            return known;
        }

        if (age < RefetchAfter)
        {
            return snapshot.Admins.TryGetValue(userId, out var recent) ? recent : null;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!(_time.GetUtcNow() - _snapshot.FetchedAt < RefetchAfter))
            {
                // The time is taken before asking, so a failed fetch also waits RefetchAfter before the next.
                var fetchedAt = _time.GetUtcNow();
                _snapshot = _snapshot with { FetchedAt = fetchedAt };
                _snapshot = new Snapshot(Parse(await _send("config/auth/list", cancellationToken).ConfigureAwait(false)), fetchedAt);
            }
        }
        catch (Exception ex) when (ex is HomeAssistantException or InvalidOperationException or JsonException)
        {
            // HA is away or refused: the caller falls back to the lesser role, and a request after RefetchAfter asks again.
        }
        finally
        {
            _gate.Release();
        }

        return _snapshot.Admins.TryGetValue(userId, out var fresh) ? fresh : null;
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private sealed record Snapshot(Dictionary<string, bool> Admins, DateTimeOffset? FetchedAt);

    private static Dictionary<string, bool> Parse(JsonElement users)
    {
        var admins = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (users.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("config/auth/list did not return a list.");
        }

        foreach (var user in users.EnumerateArray())
        {
            if (user.ValueKind != JsonValueKind.Object || !user.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var owner = user.TryGetProperty("is_owner", out var isOwner) && isOwner.ValueKind == JsonValueKind.True;
            var active = user.TryGetProperty("is_active", out var isActive) && isActive.ValueKind == JsonValueKind.True;
            var inAdminGroup = user.TryGetProperty("group_ids", out var groups) && groups.ValueKind == JsonValueKind.Array
                && groups.EnumerateArray().Any(g => g.ValueKind == JsonValueKind.String && g.GetString() == "system-admin");
            admins[id.GetString()!] = owner || (active && inAdminGroup);
        }

        return admins;
    }
}

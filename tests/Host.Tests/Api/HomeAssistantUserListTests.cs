using System.Text.Json;
using ProofOfHeat.HomeAssistant;
using ProofOfHeat.Host.Api.Access;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Api;

/// <summary>Who is an HA admin, from <c>config/auth/list</c> as HA answers it, cached on the fake clock.</summary>
public sealed class HomeAssistantUserListTests
{
    // The shape of home-assistant/core `_user_info`: owner, an admin, a plain user, an inactive admin, a system user.
    private const string Users = """
        [
          {"id": "owner", "username": "anna", "name": "Anna", "is_owner": true, "is_active": true, "system_generated": false, "group_ids": ["system-users"]},
          {"id": "admin", "username": "ben", "name": "Ben", "is_owner": false, "is_active": true, "system_generated": false, "group_ids": ["system-admin"]},
          {"id": "user", "username": "kid", "name": "Kid", "is_owner": false, "is_active": true, "system_generated": false, "group_ids": ["system-users"]},
          {"id": "gone", "username": "old", "name": "Old", "is_owner": false, "is_active": false, "system_generated": false, "group_ids": ["system-admin"]},
          {"id": "super", "username": null, "name": "Supervisor", "is_owner": false, "is_active": true, "system_generated": true, "group_ids": ["system-admin"]}
        ]
        """;

    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _sent = [];

    [Theory]
    [InlineData("owner", true)]
    [InlineData("admin", true)]
    [InlineData("user", false)]
    [InlineData("gone", false)]
    [InlineData("nobody", null)]
    public async Task IsAdmin_FollowsHasOwnRule(string id, bool? expected)
    {
        using var users = new HomeAssistantUserList(Answer(Users), _time);

        Assert.Equal(expected, await users.IsAdminAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task IsAdmin_AskedAgain_AnsweredFromTheCacheUntilItExpires()
    {
        using var users = new HomeAssistantUserList(Answer(Users), _time);

        await users.IsAdminAsync("admin", CancellationToken.None);
        _time.Advance(HomeAssistantUserList.CacheFor - TimeSpan.FromSeconds(1));
        await users.IsAdminAsync("admin", CancellationToken.None);
        Assert.Single(_sent);
        _time.Advance(TimeSpan.FromSeconds(2));
        await users.IsAdminAsync("admin", CancellationToken.None);

        Assert.Equal(["config/auth/list", "config/auth/list"], _sent);
    }

    [Fact]
    public async Task IsAdmin_UnknownIds_AskHaAtMostOncePerRefetchPeriod()
    {
        using var users = new HomeAssistantUserList(Answer(Users), _time);

        for (var i = 0; i < 50; i++)
        {
            await users.IsAdminAsync($"stranger-{i}", CancellationToken.None);
        }

        Assert.Single(_sent);
    }

    [Fact]
    public async Task IsAdmin_HaNotConnected_Unknown()
    {
        using var users = new HomeAssistantUserList((_, _) => throw new HomeAssistantNotConnectedException("away"), _time);

        Assert.Null(await users.IsAdminAsync("admin", CancellationToken.None));
    }

    private Func<string, CancellationToken, Task<JsonElement>> Answer(string json) => (type, _) =>
    {
        _sent.Add(type);
        return Task.FromResult(JsonDocument.Parse(json).RootElement.Clone());
    };
}

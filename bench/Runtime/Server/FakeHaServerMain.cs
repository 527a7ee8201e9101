using System.Globalization;
using ProofOfHeat.Bench.Frames;
using ProofOfHeat.TestKit.HomeAssistant;

namespace ProofOfHeat.Bench.Server;

/// <summary>
/// The child process that plays Home Assistant. It runs apart from the measured process so that the
/// measured process's CPU and allocation counters hold only the client side. Line protocol on stdio:
/// it prints <c>ready URI</c>; <c>open PER_FRAME ENTITIES</c> prepares a feed of frames for the newest
/// subscribed connection (<c>opened FEED EVENTS_PER_FRAME</c>); <c>send FEED COUNT</c> answers <c>sent COUNT</c>
/// once the frames are on the socket; end of input stops it.
/// </summary>
internal static class FakeHaServerMain
{
    public const string ModeName = "fake-ha";

    public static async Task<int> RunAsync()
    {
        await using var server = new FakeHomeAssistant();
        var pools = new Dictionary<int, IReadOnlyList<byte[]>>();
        var feeds = new List<FakeHaEventFeed>();
        await ReplyAsync($"ready {server.WebSocketUri}");
        while (await Console.In.ReadLineAsync() is { } line)
        {
            switch (line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                case ["open", var perFrame, var entitiesText]:
                    var entities = Parse(entitiesText);
                    if (!pools.TryGetValue(entities, out var pool))
                    {
                        pool = StateChangedFrames.EventObjects(entities);
                        pools[entities] = pool;
                    }

                    if (server.OpenEventFeed(pool, Parse(perFrame)) is not { } feed)
                    {
                        await ReplyAsync("error no connection is subscribed to state_changed");
                        break;
                    }

                    feeds.Add(feed);
                    await ReplyAsync($"opened {feeds.Count - 1} {feed.EventsPerFrame}");
                    break;
                case ["send", var feedId, var count] when int.TryParse(feedId, CultureInfo.InvariantCulture, out var f) && f >= 0 && f < feeds.Count:
                    await ReplyAsync($"sent {await feeds[f].SendAsync(Parse(count), CancellationToken.None)}");
                    break;
                default:
                    await ReplyAsync($"error cannot do '{line}' now");
                    break;
            }
        }

        return 0;
    }

    private static int Parse(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static async Task ReplyAsync(string line)
    {
        await Console.Out.WriteLineAsync(line);
        await Console.Out.FlushAsync();
    }
}

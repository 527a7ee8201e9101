using System.Diagnostics;
using System.Globalization;

namespace ProofOfHeat.Bench.Server;

/// <summary>
/// The measuring side's handle on the <see cref="FakeHaServerMain"/> child: starts it (on another core
/// when there is one), and asks it to stream events.
/// </summary>
internal sealed class FakeHaServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private FakeHaServerProcess(Process process, Uri webSocketUri)
    {
        _process = process;
        WebSocketUri = webSocketUri;
    }

    public Uri WebSocketUri { get; }

    /// <summary>Where the server runs, for the report.</summary>
    public required string Placement { get; init; }

    public static async Task<FakeHaServerProcess> StartAsync(int? cpu)
    {
        var self = SingleCoreLauncher.SelfCommand();
        var start = cpu is { } core && SingleCoreLauncher.HasTaskset()
            ? new ProcessStartInfo("taskset", ["-c", core.ToString(CultureInfo.InvariantCulture), .. self, FakeHaServerMain.ModeName])
            : new ProcessStartInfo(self[0], [.. self[1..], FakeHaServerMain.ModeName]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        start.Environment.Remove("DOTNET_PROCESSOR_COUNT");
        start.Environment.Remove(SingleCoreLauncher.PinnedVariable);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the fake HA process.");
        var ready = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The fake HA process exited before it was ready.");
        if (!ready.StartsWith("ready ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Unexpected line from the fake HA process: {ready}");
        }

        return new FakeHaServerProcess(process, new Uri(ready["ready ".Length..]))
        {
            Placement = cpu is { } c && SingleCoreLauncher.HasTaskset() ? $"separate process on CPU {c}" : "separate process, unpinned",
        };
    }

    /// <summary>Prepares a feed for the newest subscribed connection; returns its id and its events per frame.</summary>
    public async Task<(int Feed, int EventsPerFrame)> OpenFeedAsync(int perFrame, int entities)
    {
        var answer = await AskAsync(string.Create(CultureInfo.InvariantCulture, $"open {perFrame} {entities}"), "opened ");
        var parts = answer.Split(' ');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Sends events on a feed; completes when the server has written the last frame to the socket.</summary>
    public async Task<long> SendAsync(int feed, long count) =>
        long.Parse(await AskAsync(string.Create(CultureInfo.InvariantCulture, $"send {feed} {count}"), "sent "), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task<string> AskAsync(string command, string expected)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        var answer = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The fake HA process exited.");
        return answer.StartsWith(expected, StringComparison.Ordinal)
            ? answer[expected.Length..]
            : throw new InvalidOperationException($"The fake HA process answered '{answer}' to '{command}'.");
    }
}

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
        var self = typeof(FakeHaServerMain).Assembly.Location;
        var dotnet = Environment.ProcessPath ?? "dotnet";
        var start = cpu is { } core && SingleCoreLauncher.HasTaskset()
            ? new ProcessStartInfo("taskset", ["-c", core.ToString(CultureInfo.InvariantCulture), dotnet, self, FakeHaServerMain.ModeName])
            : new ProcessStartInfo(dotnet, [self, FakeHaServerMain.ModeName]);
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

    /// <summary>Prepares the stream for the newest subscribed connection; returns events per frame.</summary>
    public async Task<int> OpenStreamAsync(int perFrame, int entities) =>
        (int)await AskAsync(string.Create(CultureInfo.InvariantCulture, $"open {perFrame} {entities}"), "opened ");

    /// <summary>Sends events; completes when the server has written the last frame to the socket.</summary>
    public Task<long> SendAsync(long count) => AskAsync(string.Create(CultureInfo.InvariantCulture, $"send {count}"), "sent ");

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

    private async Task<long> AskAsync(string command, string expected)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        var answer = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The fake HA process exited.");
        return answer.StartsWith(expected, StringComparison.Ordinal)
            ? long.Parse(answer[expected.Length..], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The fake HA process answered '{answer}' to '{command}'.");
    }
}

using System.Diagnostics;
using System.Globalization;

namespace ProofOfHeat.NodeRed.Tests.Support;

/// <summary>The real built brain (<c>dotnet poh.dll run</c>) against the fake HA and the test's broker.</summary>
internal sealed class BrainProcess : IAsyncDisposable
{
    private static readonly string[] ScrubbedVariables =
        ["POH_CONFIG", "POH_HA_URL", "POH_HA_TOKEN", "POH_MQTT_URL", "POH_OPTIONS_FILE", "SUPERVISOR_TOKEN", "ASPNETCORE_URLS", "DOTNET_URLS"];

    // The line `poh` writes once its API listens (runtime/Host/Cli/BrainLauncher.cs, internal there).
    private const string ListeningPrefix = "http: listening on ";

    private readonly Process _process;
    private readonly OutputCapture _output;

    private BrainProcess(Process process, OutputCapture output, Uri api)
    {
        _process = process;
        _output = output;
        Api = new HttpClient { BaseAddress = api, Timeout = Eventually.Safety };
    }

    /// <summary>The brain's HTTP API.</summary>
    public HttpClient Api { get; }

    /// <summary>The brain's log so far.</summary>
    public string Log => _output.Text;

    /// <summary>Starts <c>poh run --config <paramref name="config"/></c> with HA at <paramref name="haUrl"/>; returns once its API listens.</summary>
    public static async Task<BrainProcess> StartAsync(string workingDirectory, string config, Uri haUrl, string haToken)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "poh.dll"), "run", "--config", config,
            "--data", Path.Combine(workingDirectory, "data"), "--http-port", "0"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in ScrubbedVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["POH_HA_URL"] = haUrl.ToString();
        start.Environment["POH_HA_TOKEN"] = haToken;
        var process = new Process { StartInfo = start };
        var output = new OutputCapture();
        output.Attach(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await output.WaitForAsync(ListeningPrefix).WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException ex)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("poh run did not start:\n" + output.Text, ex);
        }

        var line = output.Text.Split('\n').First(l => l.StartsWith(ListeningPrefix, StringComparison.Ordinal));
        return new BrainProcess(process, output, new Uri(line[ListeningPrefix.Length..].Trim()));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (!_process.HasExited)
        {
            // SIGTERM first, as a service manager stops it: the brain publishes `offline` and disconnects cleanly.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }
}

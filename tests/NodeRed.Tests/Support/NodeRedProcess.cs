using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ProofOfHeat.TestKit.Net;

namespace ProofOfHeat.NodeRed.Tests.Support;

/// <summary>
/// A real Node-RED 4, headless: a temp <c>--userDir</c> with settings that ask for no editor login (no
/// <c>adminAuth</c>), our package installed into it from its folder with <c>npm install</c> (from the npm cache
/// after the first time), no flows at start. Tests deploy with the admin API (<c>POST /flows</c>) and press inject
/// buttons with <c>POST /inject/&lt;id&gt;</c> (Node-RED admin API: https://nodered.org/docs/api/admin/methods/).
/// </summary>
internal sealed class NodeRedProcess : IAsyncDisposable
{
    // Node-RED settings (https://nodered.org/docs/user-guide/runtime/settings-file): the admin API on loopback
    // without the editor's pages, unencrypted credentials (nothing secret in tests), no palette installs.
    private const string Settings = """
        module.exports = {
            flowFile: 'flows.json',
            credentialSecret: false,
            uiHost: '127.0.0.1',
            uiPort: parseInt(process.env.NODE_RED_PORT, 10),
            httpAdminRoot: '/',
            httpNodeRoot: false,
            disableEditor: true,
            diagnostics: { enabled: false, ui: false },
            telemetry: { enabled: false },
            logging: { console: { level: 'info', metrics: false, audit: false } },
            externalModules: { autoInstall: false, palette: { allowInstall: false }, modules: { allowInstall: false } },
        };
        """;

    private readonly Process _process;
    private readonly OutputCapture _output;
    private readonly HttpClient _admin;

    private NodeRedProcess(string userDirectory, Process process, OutputCapture output, int port)
    {
        UserDirectory = userDirectory;
        _process = process;
        _output = output;
        _admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), Timeout = Eventually.Safety };
    }

    /// <summary>The temp user folder (deleted on dispose).</summary>
    public string UserDirectory { get; }

    /// <summary>Node-RED's log so far.</summary>
    public string Log => _output.Text;

    /// <summary>Installs the package into a new user folder and starts Node-RED with no flows.</summary>
    public static async Task<NodeRedProcess> StartAsync()
    {
        if (!File.Exists(RepositoryPaths.NodeRedScript))
        {
            throw new InvalidOperationException($"Node-RED is not installed at {RepositoryPaths.NodeRedScript}: run scripts/install-nodered-test-deps.sh.");
        }

        var userDirectory = Directory.CreateTempSubdirectory("poh-nodered-").FullName;
        await File.WriteAllTextAsync(Path.Combine(userDirectory, "settings.js"), Settings);
        await File.WriteAllTextAsync(Path.Combine(userDirectory, "flows.json"), "[]");
        await File.WriteAllTextAsync(Path.Combine(userDirectory, "package.json"), """{ "name": "poh-nodered-test-userdir", "private": true }""");
        await InstallPackageAsync(userDirectory);

        var port = LoopbackPort.Unused();
        var start = new ProcessStartInfo("node") { WorkingDirectory = userDirectory };
        foreach (var argument in (string[])[RepositoryPaths.NodeRedScript, "--userDir", userDirectory, "--settings", Path.Combine(userDirectory, "settings.js"), "flows.json"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NODE_RED_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        var process = new Process { StartInfo = start };
        var output = new OutputCapture();
        output.Attach(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var nodeRed = new NodeRedProcess(userDirectory, process, output, port);
        try
        {
            await output.WaitForAsync("Started flows").WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException ex)
        {
            var log = output.Text;
            await nodeRed.DisposeAsync();
            throw new TimeoutException("Node-RED did not start:\n" + log, ex);
        }

        return nodeRed;
    }

    /// <summary>Replaces every flow with <paramref name="flows"/> (a full deploy) and waits until Node-RED has started them.</summary>
    public async Task DeployAsync(JsonArray flows)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "flows")
        {
            Content = new StringContent(flows.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Node-RED-Deployment-Type", "full");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _admin.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /flows: {(int)response.StatusCode} {body}\n{Log}");
    }

    /// <summary>Presses the inject node <paramref name="id"/>'s button.</summary>
    public async Task InjectAsync(string id)
    {
        using var response = await _admin.PostAsync(new Uri("inject/" + id, UriKind.Relative), null);
        Assert.True(response.IsSuccessStatusCode, $"POST /inject/{id}: {(int)response.StatusCode}\n{Log}");
    }

    /// <summary>The types Node-RED has registered (to check that our package loaded).</summary>
    public async Task<JsonArray> NodesAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "nodes");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _admin.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
        try
        {
            Directory.Delete(UserDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying child: the temp folder is left for the OS to clean.
        }
    }

    // `--install-links` installs the folder as a registry package would be (a copy with its own dependencies), not a
    // symlink, so nothing is written into the repository; `--prefer-offline` takes mqtt from the npm cache.
    private static async Task InstallPackageAsync(string userDirectory)
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = userDirectory };
        foreach (var argument in (string[])["install", "--install-links", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", RepositoryPaths.Package])
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = new Process { StartInfo = start };
        var output = new OutputCapture();
        output.Attach(npm);
        npm.Start();
        npm.BeginOutputReadLine();
        npm.BeginErrorReadLine();
        await npm.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(npm.ExitCode == 0, $"npm install {RepositoryPaths.Package} failed ({npm.ExitCode}):\n{output.Text}");
    }
}

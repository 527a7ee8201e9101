using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ProofOfHeat.Modbus.Tests;

/// <summary>
/// npm modbus-serial's ServerTCP (node/modbus-server.js), an independent Modbus TCP implementation, on a loopback port;
/// scripts/install-modbus-test-deps.sh installs it. Disposing kills it, which drops its connections.
/// </summary>
internal sealed class ModbusSerialServer : IAsyncDisposable
{
    private readonly Process _process;

    private ModbusSerialServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<ModbusSerialServer> StartAsync(int port)
    {
        var node = Path.Combine(SourceDirectory(), "node");
        if (!File.Exists(Path.Combine(node, "node_modules", "modbus-serial", "package.json")))
        {
            throw new InvalidOperationException($"modbus-serial is not installed in {node}: run scripts/install-modbus-test-deps.sh");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(node, "modbus-server.js"), port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = node,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (ready is null || !ready.Contains("\"port\"", StringComparison.Ordinal))
        {
            var error = await process.StandardError.ReadToEndAsync();
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException($"modbus-serial did not start: {error}");
        }

        return new ModbusSerialServer(process, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

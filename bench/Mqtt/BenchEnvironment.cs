using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ProofOfHeat.Bench.Mqtt;

/// <summary>Facts about the machine and the installed tools, for the table's notes, and free ports.</summary>
internal static class BenchEnvironment
{
    /// <summary>bench/Mqtt/node next to this source file (the harness runs where it was built), else under the current directory.</summary>
    public static string DefaultNodeDirectory([CallerFilePath] string sourceFile = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", "node");
        return Directory.Exists(beside) ? beside : Path.GetFullPath(Path.Combine("bench", "Mqtt", "node"));
    }

    public static string PackageVersion(string nodeDirectory, string package)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(nodeDirectory, "node_modules", package, "package.json")));
        return document.RootElement.GetProperty("version").GetString() ?? "?";
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The first line <paramref name="file"/> prints (e.g. a version), or "?" when it cannot run.</summary>
    public static string FirstLineOf(string file, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, [argument])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return "?";
            }

            var line = process.StandardOutput.ReadLine() ?? string.Empty;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return line.Trim();
        }
        catch (Win32Exception)
        {
            return "?";
        }
    }
}

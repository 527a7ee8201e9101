using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Net;
using System.Text;
using ProofOfHeat.TestKit.Net;

namespace ProofOfHeat.TestKit.Mqtt;

/// <summary>
/// A real mosquitto broker on 127.0.0.1 and a free port, with its own temp config. It can be killed (SIGKILL) and
/// started again on the same port, which is how outage tests cut the broker mid-stream.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"];
    private readonly string _directory;
    private readonly string _configPath;
    private readonly string _logPath;
    private Process? _process;

    private MosquittoBroker(string directory, int port)
    {
        _directory = directory;
        Port = port;
        _configPath = Path.Combine(directory, "mosquitto.conf");
        _logPath = Path.Combine(directory, "mosquitto.log");
    }

    /// <summary>The loopback address the broker listens on.</summary>
    public string Host { get; } = "127.0.0.1";

    /// <summary>The port the broker listens on (the same across restarts).</summary>
    public int Port { get; }

    /// <summary>mqtt://127.0.0.1:port (without credentials).</summary>
    public string Url => $"mqtt://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Whether the broker process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The broker's log so far (for failure messages).</summary>
    public string ReadLog() => File.Exists(_logPath) ? File.ReadAllText(_logPath) : string.Empty;

    /// <summary>The CA certificate (PEM) that signed the broker's certificate, when the listener speaks TLS.</summary>
    public string? CaCertificatePath { get; private set; }

    /// <summary>Starts a broker; with <paramref name="userName"/> and <paramref name="password"/> anonymous access is off.</summary>
    public static Task<MosquittoBroker> StartAsync(string? userName = null, string? password = null, CancellationToken cancellationToken = default) =>
        CreateAsync(userName, password, authority: null, cancellationToken);

    /// <summary>
    /// Starts a broker whose only listener speaks TLS, with a server certificate for 127.0.0.1 signed by
    /// <paramref name="authority"/>; <see cref="CaCertificatePath"/> is that CA's certificate.
    /// </summary>
    public static Task<MosquittoBroker> StartWithTlsAsync(TestCertificateAuthority authority, CancellationToken cancellationToken = default) =>
        CreateAsync(userName: null, password: null, authority ?? throw new ArgumentNullException(nameof(authority)), cancellationToken);

    private static async Task<MosquittoBroker> CreateAsync(
        string? userName, string? password, TestCertificateAuthority? authority, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("poh-mosquitto-").FullName;
        var broker = new MosquittoBroker(directory, LoopbackPort.Unused());
        var config = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"listener {broker.Port} 127.0.0.1\n");
        if (authority is not null)
        {
            broker.CaCertificatePath = Path.Combine(directory, "ca.pem");
            var certificate = Path.Combine(directory, "server.pem");
            var key = Path.Combine(directory, "server.key");
            authority.WriteCertificatePem(broker.CaCertificatePath);
            authority.IssueServerCertificate(certificate, key);
            config.Append(CultureInfo.InvariantCulture, $"cafile {broker.CaCertificatePath}\ncertfile {certificate}\nkeyfile {key}\n");
        }

        config
            .Append("persistence false\n")
            .Append(CultureInfo.InvariantCulture, $"log_dest file {broker._logPath}\n")
            .Append("log_type error\nlog_type warning\nlog_type notice\nlog_type information\n")
            .Append("max_queued_messages 100000\n")
            .Append("set_tcp_nodelay true\n");
        if (Environment.UserName == "root")
        {
            config.Append("user root\n");
        }

        if (userName is not null)
        {
            var passwordFile = Path.Combine(directory, "passwords");
            await RunAsync("mosquitto_passwd", ["-b", "-c", passwordFile, userName, password ?? string.Empty], cancellationToken);
            config.Append("allow_anonymous false\n").Append(CultureInfo.InvariantCulture, $"password_file {passwordFile}\n");
        }
        else
        {
            config.Append("allow_anonymous true\n");
        }

        await File.WriteAllTextAsync(broker._configPath, config.ToString(), cancellationToken);
        await broker.StartAsync(cancellationToken);
        return broker;
    }

    /// <summary>Starts (or restarts) the broker process and waits until the port accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        var binary = Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto not installed: run scripts/install-mqtt-test-deps.sh");
        _process?.Dispose();
        // Its console output (only the warning about running as root; the log goes to a file) is read and dropped,
        // so test and benchmark output stay clean.
        _process = Process.Start(new ProcessStartInfo(binary, ["-c", _configPath])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("mosquitto did not start.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {ReadLog()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25, cancellationToken);
            }
        }
    }

    /// <summary>Kills the broker with SIGKILL (no goodbye to clients) and waits for it to exit.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static async Task RunAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{file} did not start.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await error}");
        }
    }
}

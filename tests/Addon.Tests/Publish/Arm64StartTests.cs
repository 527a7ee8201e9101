using System.Diagnostics;
using System.Net;
using ProofOfHeat.TestKit.HomeAssistant;
using Xunit.Abstractions;

namespace ProofOfHeat.Addon.Tests.Publish;

/// <summary>
/// The aarch64 publish really starts: the self-contained arm64 <c>poh</c> run by <c>qemu-aarch64-static -L /</c> on
/// Debian's arm64 libraries (scripts/install-addon-test-deps.sh), against the fake Home Assistant, answers /healthz.
/// </summary>
public sealed class Arm64StartTests(ITestOutputHelper output) : IDisposable
{
    private const string Qemu = "/usr/bin/qemu-aarch64-static";
    private const ushort ElfMachineAarch64 = 0xB7;
    private readonly string _data = Directory.CreateTempSubdirectory("poh-arm64-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Arm64Publish_StartsUnderQemuAndAnswersHealthz()
    {
        var folder = await PublishedBrain.FolderAsync("aarch64");
        output.WriteLine(PublishedBrain.Describe("aarch64"));
        var executable = Path.Combine(folder, "poh");
        Assert.Equal(ElfMachineAarch64, ElfMachine(executable)); // not the machine's own x86-64 build
        Assert.True(File.Exists(Qemu), $"{Qemu} is missing: run scripts/install-addon-test-deps.sh");
        await using var homeAssistant = new FakeHomeAssistant();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["POH_HA_URL"] = homeAssistant.WebSocketUri.ToString(),
            ["POH_HA_TOKEN"] = FakeHomeAssistant.ValidToken,
            ["QEMU_LD_PREFIX"] = "/",
        };
        var started = Stopwatch.StartNew();

        // The JIT runs emulated (and without tiered compilation, as the product runs): minutes on a loaded machine.
        await using var brain = BrainProcess.Start(Qemu, ["-L", "/", executable, "run", "--data", _data, "--http-port", "0"], environment, _data);
        var url = await brain.Listening.WaitAsync(TimeSpan.FromMinutes(8));
        var listening = started.Elapsed;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        HttpStatusCode last = default;
        string body = "";
        await Eventually.UntilAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri(url, "healthz"));
                (last, body) = (response.StatusCode, await response.Content.ReadAsStringAsync());
                return last == HttpStatusCode.OK;
            }
            catch (HttpRequestException ex)
            {
                body = ex.Message; // not accepting connections (yet, or any more: the output says which)
                return false;
            }
        }, TimeSpan.FromMinutes(4), () => $"/healthz 200 (last {last} {body})\n{brain.Output}");

        Assert.Contains("\"ok\"", body, StringComparison.Ordinal);
        output.WriteLine($"arm64 under qemu: listening after {listening.TotalSeconds:F1} s, healthy after {started.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(0, await brain.StopAsync(TimeSpan.FromMinutes(2)));
    }

    private static ushort ElfMachine(string path)
    {
        Span<byte> header = stackalloc byte[20];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        Assert.True(header[..4].SequenceEqual("\u007fELF"u8), $"{path} is not an ELF file");
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(header[18..]);
    }
}

using System.Diagnostics;
using System.Text;
using ProofOfHeat.Apps.Miners;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Host.Configuration;
using Xunit.Abstractions;

namespace ProofOfHeat.Host.Tests.Configuration;

/// <summary>
/// Random and hostile YAML through the whole loader, seeded so that a failure replays: every document either loads or
/// ends in config errors that say where (file and line); nothing crashes, hangs or runs long.
/// </summary>
public sealed class ConfigFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261207;
    private const int Documents = 600;

    // Generous for a loaded CI machine: the slowest document takes well under a second.
    private static readonly TimeSpan PerDocumentLimit = TimeSpan.FromSeconds(10);

    private static readonly string[] Keys =
    [
        "homeassistant", "url", "token", "mqtt", "username", "password", "http", "bind", "port", "logging", "level", "format",
        "storage", "path", "plugins", "load", "folder", "apps", "miners", "id", "family", "host", "http_port", "rpc_port",
        "poll_interval", "dwell", "overheat", "zigbee2mqtt", "devices", "enabled", "sample", "k", "<<", "? complex",
    ];

    private static readonly string[] Scalars =
    [
        "1", "-1", "0", "65536", "99999999999999999999", "1e400", "NaN", ".inf", "true", "yes", "null", "~", "\"\"", "''",
        "ws://h:8123", "http://127.0.0.1:", "mqtt://u:p@h:1883", "http://[::1", "not-an-ip", "0.0.0.0", "127.0.0.1:1",
        "antminer-stock", "nosuch", "Office", "!secret", "!secret nothing", "!!binary aGVsbG8=", "!!python/object:os.system",
        "&a x", "*a", "*missing", "&b [1, *b]", "{a: 1, b: [2, 3]}", "[", "]", "{", "\"unterminated", "'it''s'", "|", ">-",
        "10s", "-5m", "1 fortnight", "\t", "ünïcødé", "\u0000", "\uFEFF", "%YAML 1.1", "---", "...", "#comment", "@", "`",
    ];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Load_RandomAndHostileDocuments_EndInAConfigOrErrorsWithTheirLines()
    {
        var random = new Random(Seed);
        var valid = File.ReadAllText(_dir.Write("valid.yaml", ValidConfig));
        var total = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var outcomes = new int[2];
        for (var i = 0; i < Documents; i++)
        {
            var text = (i % 3) switch
            {
                0 => Generate(random),
                1 => Mutate(random, valid),
                _ => Generate(random) + Mutate(random, valid),
            };
            var file = _dir.Write("poh.yaml", text);
            var one = Stopwatch.StartNew();
            try
            {
                // On the thread pool with a deadline, so that a hang fails this test instead of stalling the run.
                var request = new ConfigRequest(file, new Dictionary<string, string>(), _dir.Path, Schema());
                await Task.Run(() => ConfigLoader.Load(request)).WaitAsync(PerDocumentLimit);
                outcomes[0]++;
            }
            catch (ConfigException ex)
            {
                outcomes[1]++;
                Assert.NotEmpty(ex.Errors);
                foreach (var error in ex.Errors.Where(e => e.Location.Source == file))
                {
                    Assert.True(error.Location.Line > 0, $"document {i}: {error} has no line:\n{text}");
                }
            }
            catch (TimeoutException)
            {
                Assert.Fail($"document {i} (seed {Seed}) did not load within {PerDocumentLimit}:\n{text}");
            }
            catch (Exception ex)
            {
                Assert.Fail($"document {i} (seed {Seed}) threw {ex}\n{text}");
            }

            slowest = one.Elapsed > slowest ? one.Elapsed : slowest;
        }

        output.WriteLine($"{Documents} documents in {total.Elapsed.TotalSeconds:F1} s (slowest {slowest.TotalMilliseconds:F0} ms): loaded {outcomes[0]}, refused {outcomes[1]}");

        // Both outcomes must occur, or the generator is not exercising the loader.
        Assert.True(outcomes[0] > 0 && outcomes[1] > 0, $"loaded {outcomes[0]}, refused {outcomes[1]}");
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(120), $"{Documents} documents took {total.Elapsed}");
    }

    private const string ValidConfig = """
        http:
          bind: 127.0.0.1
          port: 8099
        logging:
          level: information
        apps:
          miners:
            poll_interval: 10s
            miners:
              - id: office
                family: antminer-stock
                host: 192.168.1.50
                http_port: 80
        """;

    private static AppCatalog Schema() =>
        new AppCatalog().Register<MinerFleetOptions>(MinerFleetApp.AppId).Register<SampleAppOptions>("sample");

    private static string Generate(Random random)
    {
        var text = new StringBuilder();
        var lines = random.Next(1, 30);
        for (var i = 0; i < lines; i++)
        {
            var indent = new string(' ', 2 * random.Next(0, 5));
            var key = Keys[random.Next(Keys.Length)];
            var shape = random.Next(6);
            var value = Scalars[random.Next(Scalars.Length)];
            text.Append(indent).Append(shape switch
            {
                0 => $"{key}:",
                1 => $"- {key}: {value}",
                2 => $"- {value}",
                3 => $"{key}: [{value}, {Scalars[random.Next(Scalars.Length)]}]",
                _ => $"{key}: {value}",
            }).Append(random.Next(20) == 0 ? "\r\n" : "\n");
        }

        return text.ToString();
    }

    private static string Mutate(Random random, string valid)
    {
        var chars = new StringBuilder(valid);
        var edits = random.Next(1, 8);
        for (var i = 0; i < edits && chars.Length > 0; i++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(4))
            {
                case 0:
                    chars.Remove(at, Math.Min(chars.Length - at, random.Next(1, 10)));
                    break;
                case 1:
                    chars.Insert(at, Scalars[random.Next(Scalars.Length)]);
                    break;
                case 2:
                    chars[at] = (char)random.Next(0, 128);
                    break;
                default:
                    chars.Length = at;
                    break;
            }
        }

        return chars.ToString();
    }
}

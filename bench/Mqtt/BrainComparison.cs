using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.Bench.Mqtt;

/// <summary>
/// <c>--brain</c>: leak → valve through the whole brain (a Zigbee2MQTT message → mosquitto → <c>poh run</c>'s MQTT
/// client and Zigbee2MQTT device backend → the app model → the safety app → the valve's set command → mosquitto),
/// beside the same rule in Node-RED 4 and the bare-client rule, in the same run, on the same alternating dry/wet
/// stream; then overload: meter reading → shed command on the brain.
/// </summary>
internal static class BrainComparison
{
    public const string BrainName = "ProofOfHeat brain (poh run, safety app)";

    /// <summary>The contestant <c>--baseline-poh</c> adds: the same brain from another build.</summary>
    public const string BaselineName = "baseline brain (--baseline-poh)";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var poh = options.PohPath ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "ProofOfHeat.Host", "release", "poh"));
        if (!File.Exists(poh))
        {
            throw new FileNotFoundException($"poh not found at {poh}; build runtime/Host with the same POH_ARTIFACTS or pass --poh PATH.");
        }

        var loadAtStart = ProcessCpu.LoadAverage();
        var redJs = Path.Combine(options.NodeDirectory, "node_modules", "node-red", "red.js");
        var withNodeRed = options.NodeRed && File.Exists(redJs);
        var brokers = new List<MosquittoBroker>();
        var rules = new List<RuleUnderTest>();
        IReadOnlyList<double> overload = [];
        try
        {
            var brainBroker = await MosquittoBroker.StartAsync();
            brokers.Add(brainBroker);
            rules.Add(await StartAsync(BrainName, brainBroker, RuleProcess.StartBrain(BrainName, poh, brainBroker.Port, options.BrainEnvironment)));
            if (options.BaselinePohPath is { } baselinePoh)
            {
                var baselineBroker = await MosquittoBroker.StartAsync();
                brokers.Add(baselineBroker);
                rules.Add(await StartAsync(BaselineName, baselineBroker, RuleProcess.StartBrain(BaselineName, baselinePoh, baselineBroker.Port, options.BrainEnvironment)));
            }

            const string bare = "ProofOfHeat.Mqtt bare rule";
            var bareBroker = await MosquittoBroker.StartAsync();
            brokers.Add(bareBroker);
            rules.Add(await StartAsync(bare, bareBroker, RuleProcess.StartOurs(bare, bareBroker.Host, bareBroker.Port)));
            if (withNodeRed)
            {
                var redBroker = await MosquittoBroker.StartAsync();
                brokers.Add(redBroker);
                rules.Add(await StartAsync(
                    $"Node-RED {BenchEnvironment.PackageVersion(options.NodeDirectory, "node-red")}",
                    redBroker,
                    RuleProcess.StartNodeRed(options.NodeDirectory, redBroker.Port, BenchEnvironment.FreePort())));
            }

            foreach (var rule in rules)
            {
                await rule.WarmUpAsync(options.EventsPerSecond);
            }

            for (var run = 0; run < options.Runs; run++)
            {
                foreach (var rule in rules)
                {
                    var result = await rule.RunAsync(options.EventsPerSecond, options.LatencyRun);
                    Console.Error.WriteLine($"  latency run {run + 1}, {rule.Name}: p50 {result.P50Milliseconds:0.00} ms, p99 {result.P99Milliseconds:0.00} ms, max {result.MaxMilliseconds:0.0} ms, {result.Received}/{result.Sent}");
                }
            }

            foreach (var rule in rules)
            {
                rule.Finish();
            }

            await using (var shedding = await OverloadBenchmark.ConnectAsync(brainBroker.Host, brainBroker.Port))
            {
                overload = await shedding.RunAsync(options.OverloadTrials);
            }

            Console.WriteLine(Render(rules, withNodeRed, overload, options, loadAtStart, poh));
        }
        finally
        {
            foreach (var rule in rules)
            {
                await rule.DisposeAsync();
            }

            foreach (var broker in brokers)
            {
                await broker.DisposeAsync();
            }
        }

        return 0;
    }

    private static string Describe(IReadOnlyDictionary<string, string> variables) =>
        string.Join(" ", variables.Select(pair => $"{pair.Key}={pair.Value}"));

    private static async Task<RuleUnderTest> StartAsync(string name, MosquittoBroker broker, RuleProcess process)
    {
        try
        {
            await process.WaitReadyAsync(TimeSpan.FromSeconds(90));
            return new RuleUnderTest(name, process, await LatencyBenchmark.ConnectAsync(broker.Host, broker.Port, alternate: true));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    private static string Render(List<RuleUnderTest> rules, bool withNodeRed, IReadOnlyList<double> overload, BenchOptions options, string loadAtStart, string poh)
    {
        var nodeRed = withNodeRed ? rules[^1] : null;
        var ours = rules.Where(r => r != nodeRed).ToList();
        var table = new ResultTable([.. rules.Select(r => r.Name), .. nodeRed is null ? [] : ours.Select(r => $"{r.Name} ÷ Node-RED")]);
        Row("Leak → valve latency p50 (ms)", r => r.Median(x => x.P50Milliseconds), "0.00");
        Row("Leak → valve latency p99 (ms)", r => r.Median(x => x.P99Milliseconds), "0.00");
        Row("Leak → valve latency max (ms)", r => r.Median(x => x.MaxMilliseconds), "0.0");
        Row("Best run's p99 (ms)", r => r.Runs.Min(x => x.P99Milliseconds), "0.00");
        table.Add("Commands received / events sent (all runs)", [.. rules.Select(r => $"{r.Runs.Sum(x => x.Received)} / {r.Runs.Sum(x => x.Sent)}")]);
        Row("Process CPU time per 1,000 events (ms)", r => r.CpuMillisecondsPerThousandEvents, "0");
        Row("Resident memory, VmRSS (MB)", r => r.Memory.RssMegabytes, "0.0");
        var sorted = overload.Order().ToList();
        table.Add(
            "Overload: meter reading → shed command, median / max (ms)",
            [ResultTable.Number(Statistics.Median(sorted), "0.00") + " / " + (sorted.Count == 0 ? "–" : ResultTable.Number(sorted[^1], "0.00")), .. rules.Skip(1).Select(_ => "–"), .. nodeRed is null ? [] : ours.Select(_ => "–")]);
        table.Note($"{Environment.ProcessorCount} CPU(s), .NET {Environment.Version}, node {BenchEnvironment.FirstLineOf("node", "--version")}; 1-minute load average {loadAtStart} at the start, {ProcessCpu.LoadAverage()} at the end.");
        table.Note($"Medians of {options.Runs} run(s); {options.EventsPerSecond:N0} leak events/s for {options.LatencyRun.TotalSeconds:0.#} s per run, each preceded by a dry state in the same slot (the safety app acts on a sensor going wet; the others ignore dry); sensor at QoS 0; every valve command answered with the valve's state, as Zigbee2MQTT does.");
        table.Note($"{BrainName}: the host executable with the product's runtimeconfig (runtime/RuntimeDefaults.props) and launch environment (launch.env: {Describe(LaunchEnvironment.Of(poh))}){(options.BrainEnvironment.Count == 0 ? "" : $", and over it {Describe(options.BrainEnvironment)}")}, logging at its default level to a pipe the harness reads; Home Assistant away (a loopback port nobody listens on), the Zigbee2MQTT devices and the safety app's leak and overload rules configured (BrainConfig.cs). Every valve command is read back and audited (the durable audit trail, audit.db in the brain's data directory), and the leak raises the critical alert (persisted to the run-time store, poh.db), which the flapping sensor keeps open: it is resolved once the sensor has stayed dry for 5 s.");
        table.Note("CPU time: user + system time of each process over all measured runs (including its idle time while the others ran), per 1,000 leak events.");
        table.Note($"Overload: {overload.Count} trials, a Zigbee2MQTT meter state 2,250 W over the 5,750 W limit → the heater plug's set command, timed by the harness's client; between trials the meter falls and the plug is restored.");
        if (options.BaselinePohPath is { } baseline)
        {
            table.Note($"{BaselineName}: {baseline}, with the same config, launch environment and stream as the brain.");
        }

        if (!withNodeRed)
        {
            table.Note("Node-RED was not measured: run `npm ci` in bench/Mqtt/node.");
        }

        return table.Render("Leak → valve through the whole brain");

        void Row(string measure, Func<RuleUnderTest, double> value, string format)
        {
            var cells = rules.Select(r => ResultTable.Number(value(r), format)).ToList();
            if (nodeRed is not null)
            {
                cells.AddRange(ours.Select(r => ResultTable.Ratio(value(r), value(nodeRed))));
            }

            table.Add(measure, [.. cells]);
        }
    }
}

using System.Globalization;
using ProofOfHeat.Bench.Mqtt;
using ProofOfHeat.Mqtt;
using ProofOfHeat.TestKit.Mqtt;

// `rule HOST PORT` is the rule process the harness starts; anything else runs the harness.
if (args is ["rule", var ruleHost, var rulePort])
{
    return await LeakValveRule.RunAsync(ruleHost, int.Parse(rulePort, CultureInfo.InvariantCulture));
}

const string Ours = "ProofOfHeat.Mqtt";

var options = BenchOptions.Parse(args, BenchEnvironment.DefaultNodeDirectory());
if (options.Brain)
{
    return await BrainComparison.RunAsync(options);
}

var runs = options.Runs;
var loadAtStart = ProcessCpu.LoadAverage();
Console.Error.WriteLine($"MQTT benchmark: {runs} run(s) per figure, latency at {options.EventsPerSecond} events/s for {options.LatencyRun.TotalSeconds:0.#} s each");

await using var broker = await MosquittoBroker.StartAsync();
var qos0 = new List<ThroughputRun>();
var qos1 = new List<ThroughputRun>();
for (var run = 0; run < runs; run++)
{
    qos0.Add(await ThroughputBenchmark.RunAsync(broker.Host, broker.Port, MqttQualityOfService.AtMostOnce, options.ThroughputMessages));
    qos1.Add(await ThroughputBenchmark.RunAsync(broker.Host, broker.Port, MqttQualityOfService.AtLeastOnce, options.ThroughputMessages));
    var (zero, one) = (qos0[^1], qos1[^1]);
    Console.Error.WriteLine(
        $"  throughput run {run + 1}: QoS 0 {zero.MessagesPerSecond:N0}/s ({zero.Received}/{zero.Published}, {zero.CpuMillisecondsPerThousandMessages:0} ms CPU/1000, {zero.BytesAllocatedPerMessage:N0} B/msg), " +
        $"QoS 1 {one.MessagesPerSecond:N0}/s ({one.Received}/{one.Published}, {one.CpuMillisecondsPerThousandMessages:0} ms CPU/1000, {one.BytesAllocatedPerMessage:N0} B/msg)");
}

// Every rule gets its own broker, so all rule processes stay up and their runs alternate (same machine noise).
var redJs = Path.Combine(options.NodeDirectory, "node_modules", "node-red", "red.js");
var withNodeRed = options.NodeRed && File.Exists(redJs);
var brokers = new List<MosquittoBroker>();
var rules = new List<RuleUnderTest>();
try
{
    rules.Add(await StartAsync(Ours, (host, port) => RuleProcess.StartOurs(Ours, host, port)));
    if (options.Tuned)
    {
        const string name = $"{Ours}, inline socket completions";
        rules.Add(await StartAsync(name, (host, port) => RuleProcess.StartOurs(name, host, port, TunedRuntime.Environment)));
        const string stock = $"{Ours}, .NET's stock thread-pool spinning";
        rules.Add(await StartAsync(stock, (host, port) => RuleProcess.StartOurs(stock, host, port, runtimeConfig: StockRuntime.WriteRuntimeConfig())));
    }

    if (withNodeRed)
    {
        rules.Add(await StartAsync($"Node-RED {BenchEnvironment.PackageVersion(options.NodeDirectory, "node-red")}", (_, port) =>
            RuleProcess.StartNodeRed(options.NodeDirectory, port, BenchEnvironment.FreePort())));
    }

    foreach (var rule in rules)
    {
        await rule.WarmUpAsync(options.EventsPerSecond);
    }

    for (var run = 0; run < runs; run++)
    {
        foreach (var rule in rules)
        {
            var result = await rule.RunAsync(options.EventsPerSecond, options.LatencyRun);
            Console.Error.WriteLine($"  latency run {run + 1}, {rule.Name}: {Describe(result)}");
        }
    }

    foreach (var rule in rules)
    {
        rule.Finish();
    }

    Console.WriteLine(Render());
}
finally
{
    foreach (var rule in rules)
    {
        await rule.DisposeAsync();
    }

    foreach (var started in brokers)
    {
        await started.DisposeAsync();
    }
}

return 0;

async Task<RuleUnderTest> StartAsync(string name, Func<string, int, RuleProcess> start)
{
    var own = await MosquittoBroker.StartAsync();
    brokers.Add(own);
    var process = start(own.Host, own.Port);
    try
    {
        await process.WaitReadyAsync(TimeSpan.FromSeconds(60));
        return new RuleUnderTest(name, process, await LatencyBenchmark.ConnectAsync(own.Host, own.Port));
    }
    catch
    {
        await process.DisposeAsync();
        throw;
    }
}

string Render()
{
    var nodeRed = withNodeRed ? rules[^1] : null;
    var ours = rules.Where(r => r != nodeRed).ToList();
    var columns = rules.Select(r => r.Name).Concat(nodeRed is null ? [] : ours.Select(r => $"{r.Name} ÷ Node-RED")).ToList();
    var table = new ResultTable(columns);
    Throughput("Publish throughput, QoS 0 (msg/s)", qos0, r => r.MessagesPerSecond, "N0");
    Throughput("Publish throughput, QoS 1 (msg/s)", qos1, r => r.MessagesPerSecond, "N0");
    Throughput("Throughput CPU time per 1,000 messages, QoS 0 / QoS 1 (ms, publisher + subscriber)", qos0, r => r.CpuMillisecondsPerThousandMessages, "0", qos1);
    Throughput("Bytes allocated per message, QoS 0 / QoS 1 (publisher + subscriber)", qos0, r => r.BytesAllocatedPerMessage, "N0", qos1);
    Row("Leak → valve latency p50 (ms)", r => r.Median(x => x.P50Milliseconds), "0.00");
    Row("Leak → valve latency p99 (ms)", r => r.Median(x => x.P99Milliseconds), "0.00");
    Row("Leak → valve latency max (ms)", r => r.Median(x => x.MaxMilliseconds), "0.0");
    Row("Best run's p99 (ms)", r => r.Runs.Min(x => x.P99Milliseconds), "0.00");
    table.Add("Commands received / events sent (all runs)", [.. rules.Select(r => $"{r.Runs.Sum(x => x.Received)} / {r.Runs.Sum(x => x.Sent)}")]);
    Row("Rule process CPU time per 1,000 events (ms)", r => r.CpuMillisecondsPerThousandEvents, "0");
    Row("Rule process resident memory, VmRSS (MB)", r => r.Memory.RssMegabytes, "0.0");
    Row("Rule process peak resident memory, VmHWM (MB)", r => r.Memory.PeakRssMegabytes, "0.0");

    var harness = ProcessMemory.Read(Environment.ProcessId);
    table.Note($"mosquitto {BenchEnvironment.FirstLineOf("mosquitto", "-h").Replace("mosquitto version ", string.Empty, StringComparison.Ordinal)} on 127.0.0.1 (set_tcp_nodelay true), {Environment.ProcessorCount} CPU(s), .NET {Environment.Version}, node {BenchEnvironment.FirstLineOf("node", "--version")}; 1-minute load average {loadAtStart} at the start, {ProcessCpu.LoadAverage()} at the end.");
    table.Note($"Medians of {runs} run(s). Throughput: {options.ThroughputMessages:N0} messages of 64 bytes per run, one publishing and one subscribing client of ours in the harness process (CPU and allocations are that process's, nothing else running in it then).");
    table.Note("Every rule process of ours runs with the product's runtime defaults (runtime/RuntimeDefaults.props, in its runtimeconfig.json) and no DOTNET_ environment, except where the column says otherwise.");
    table.Note($"Latency: {options.EventsPerSecond:N0} leak events/s for {options.LatencyRun.TotalSeconds:0.#} s per run, sensor at QoS 0, valve command at QoS 1; the rules' runs alternate, each rule on its own mosquitto.");
    if (options.Tuned)
    {
        table.Note($"Inline socket completions (a contrast, not the product): the same rule process with {TunedRuntime.Describe()}.");
        table.Note($"Stock thread-pool spinning (a contrast, the runtime without RuntimeDefaults.props' spin limit): the same rule process run by `dotnet exec --runtimeconfig` with its own runtimeconfig.json minus {StockRuntime.SpinLimitSetting}.");
    }

    foreach (var rule in rules.Where(r => r.ReadyLine?.StartsWith("ready:", StringComparison.Ordinal) == true))
    {
        table.Note($"{rule.Name} reported {rule.ReadyLine!["ready: ".Length..]}.");
    }

    table.Note("CPU time: user + system time of the rule process over all measured runs (including its idle time while the others ran), per 1,000 events.");
    table.Note($"The measuring harness itself (the measuring clients, in no column): VmRSS {harness.RssMegabytes:0.0} MB, VmHWM {harness.PeakRssMegabytes:0.0} MB.");
    if (!withNodeRed)
    {
        table.Note(options.NodeRed
            ? $"Node-RED was not measured: {redJs} is missing (run `npm ci` in bench/Mqtt/node)."
            : "Node-RED was not measured (--no-node-red).");
    }

    return table.Render("MQTT benchmark");

    void Throughput(string measure, List<ThroughputRun> first, Func<ThroughputRun, double> value, string format, List<ThroughputRun>? second = null)
    {
        var cell = ResultTable.Number(Statistics.Median(first.Select(value)), format);
        table.Add(measure, second is null ? cell : $"{cell} / {ResultTable.Number(Statistics.Median(second.Select(value)), format)}");
    }

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

static string Describe(LatencyRun r) =>
    $"p50 {r.P50Milliseconds:0.00} ms, p99 {r.P99Milliseconds:0.00} ms, max {r.MaxMilliseconds:0.0} ms, {r.Received}/{r.Sent} answered, {r.AchievedRate:0} events/s";

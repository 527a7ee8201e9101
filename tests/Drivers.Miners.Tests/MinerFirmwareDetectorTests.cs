using ProofOfHeat.Drivers.Miners.Detection;
using ProofOfHeat.Sim.Miners;
using ProofOfHeat.TestKit.Net;

namespace ProofOfHeat.Drivers.Miners.Tests;

public sealed class MinerFirmwareDetectorTests
{
    private static readonly MinerDriverContext Quick = MinerDriverContext.Default(TimeProvider.System) with
    {
        Timeouts = new MinerTimeouts { Connect = TimeSpan.FromSeconds(10), Reply = TimeSpan.FromSeconds(10) },
    };

    private static readonly MinerDriverCatalog Catalog = new(
    [
        new MarkerFactory("braiins-os", "Braiins OS"),
        new MarkerFactory("luxos", "LUXminer"),
        new MarkerFactory("generic-cgminer", "cgminer", score: 10),
        new MarkerFactory("broken", "x", throws: true),
    ]);

    [Fact]
    public async Task The_web_root_names_the_firmware()
    {
        var faults = new MinerFaults();
        await using var web = new SimHttpServer((_, _) => Task.FromResult(new SimHttpResponse(200, "<title>Braiins OS</title>", "text/html")), faults);
        var endpoint = new MinerEndpoint("127.0.0.1") { HttpPort = web.Port, RpcPort = LoopbackPort.Unused(), WhatsminerV3Port = LoopbackPort.Unused() };

        var detection = await new MinerFirmwareDetector(Catalog, Quick).DetectAsync(endpoint, CancellationToken.None);

        Assert.Equal("braiins-os", detection.Family);
        Assert.Equal(200, detection.Evidence.HttpStatus);
        Assert.Equal("text/html", detection.Evidence.HttpHeaders["content-type"]);
        Assert.Null(detection.Evidence.RpcVersionReply);
        Assert.False(detection.Evidence.WhatsminerV3PortOpen);
    }

    [Fact]
    public async Task The_strongest_marker_wins_over_a_generic_one_and_a_faulty_recogniser_is_ignored()
    {
        await using var rpc = new SimRpcServer(
            _ => "{\"STATUS\":[{\"STATUS\":\"S\",\"Description\":\"cgminer LUXminer 2024.1\"}],\"id\":1}", new MinerFaults());
        var endpoint = new MinerEndpoint("127.0.0.1") { HttpPort = LoopbackPort.Unused(), RpcPort = rpc.Port, WhatsminerV3Port = rpc.Port };

        var detection = await new MinerFirmwareDetector(Catalog, Quick).DetectAsync(endpoint, CancellationToken.None);

        Assert.Equal("luxos", detection.Family);
        Assert.Equal(["luxos", "generic-cgminer"], detection.Scores.Select(s => s.Family));
        Assert.Null(detection.Evidence.HttpStatus);
        Assert.True(detection.Evidence.WhatsminerV3PortOpen);
    }

    [Fact]
    public async Task A_host_nobody_recognises_has_no_family_and_costs_at_most_the_timeouts()
    {
        var endpoint = new MinerEndpoint("127.0.0.1") { HttpPort = LoopbackPort.Unused(), RpcPort = LoopbackPort.Unused(), WhatsminerV3Port = LoopbackPort.Unused() };

        var detection = await new MinerFirmwareDetector(Catalog, Quick).DetectAsync(endpoint, CancellationToken.None);

        Assert.Null(detection.Family);
        Assert.Empty(detection.Scores);
        Assert.True(detection.Elapsed < Quick.Timeouts.Connect + Quick.Timeouts.Reply, $"took {detection.Elapsed}");
    }

    [Fact]
    public void The_catalog_refuses_two_drivers_for_one_family_and_names_the_known_ones()
    {
        Assert.Throws<ArgumentException>(() => new MinerDriverCatalog([new MarkerFactory("a", "x"), new MarkerFactory("A", "y")]));
        var e = Assert.Throws<KeyNotFoundException>(() => Catalog.Get("vnish"));
        Assert.Contains("braiins-os, broken, generic-cgminer, luxos", e.Message, StringComparison.Ordinal);
    }
}

using ProofOfHeat.Drivers.Miners.Whatsminer.V2;
using ProofOfHeat.Drivers.Miners.Whatsminer.V3;
using ProofOfHeat.Sim.Miners.Whatsminer;

namespace ProofOfHeat.Drivers.Miners.Whatsminer.Tests;

public sealed class WhatsminerRecognitionTests
{
    private static readonly MinerEndpoint Somewhere = new("192.0.2.1");

    // What the other families' simulators show a probe (pyasic's firmware detection): their web root and RPC version reply.
    public static TheoryData<string> OtherFamilies => new() { "antminer", "braiins", "luxos", "vnish", "avalon", "nothing" };

    [Fact]
    public async Task V2_factory_gives_the_top_score_to_the_v2_simulator_and_v3_gives_it_zero()
    {
        await using var rig = await WhatsminerRig.StartAsync();
        var evidence = await rig.ProbeAsync();

        Assert.Equal(100, new WhatsminerV2DriverFactory().Recognise(evidence));
        Assert.Equal(0, new WhatsminerV3DriverFactory().Recognise(evidence));
        Assert.Equal(307, evidence.HttpStatus);
        Assert.False(evidence.WhatsminerV3PortOpen);
    }

    [Fact]
    public async Task V3_factory_gives_the_top_score_to_the_v3_simulator_and_v2_gives_it_zero()
    {
        await using var rig = await WhatsminerRig.StartAsync(new WhatsminerSimulatorOptions { Generation = WhatsminerApiGeneration.V3 });
        var evidence = await rig.ProbeAsync();

        Assert.Equal(100, new WhatsminerV3DriverFactory().Recognise(evidence));
        Assert.Equal(0, new WhatsminerV2DriverFactory().Recognise(evidence));
        Assert.True(evidence.WhatsminerV3PortOpen);
    }

    [Fact]
    public void The_firmware_date_alone_tells_v3_when_the_port_check_failed()
    {
        var evidence = new MinerProbeEvidence
        {
            Endpoint = Somewhere,
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Code":22,"Description":"btminer"}],"VERSION":[{"Firmware Version":"'20250321.14.Rel'"}],"id":1}""",
        };
        Assert.Equal(100, new WhatsminerV3DriverFactory().Recognise(evidence));
        Assert.Equal(0, new WhatsminerV2DriverFactory().Recognise(evidence));
    }

    [Theory]
    [MemberData(nameof(OtherFamilies))]
    public void Other_families_score_zero(string family)
    {
        var evidence = Evidence(family);
        Assert.Equal(0, new WhatsminerV2DriverFactory().Recognise(evidence));
        Assert.Equal(0, new WhatsminerV3DriverFactory().Recognise(evidence));
    }

    [Fact]
    public void Factories_name_their_families_and_make_drivers_without_io()
    {
        var context = WhatsminerRig.Context();
        Assert.Equal(MinerFamilies.WhatsminerV2, new WhatsminerV2DriverFactory().Family);
        Assert.Equal(MinerFamilies.WhatsminerV3, new WhatsminerV3DriverFactory().Family);
        Assert.IsType<WhatsminerV2Driver>(new WhatsminerV2DriverFactory().Create(Somewhere, context));
        Assert.Equal(MinerFamilies.WhatsminerV3, new WhatsminerV3DriverFactory().Create(Somewhere, context).Family);
    }

    private static MinerProbeEvidence Evidence(string family) => family switch
    {
        "antminer" => new()
        {
            Endpoint = Somewhere, HttpStatus = 401,
            HttpHeaders = new Dictionary<string, string> { ["www-authenticate"] = "Digest realm=\"antMiner Configuration\"" },
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Code":22,"Description":"bmminer 1.0.0"}],"VERSION":[{"BMMiner":"1.0.0","Type":"Antminer S19 Pro","CompileTime":"Fri Jul 21 20231230"}],"id":1}""",
        },
        "braiins" => new()
        {
            Endpoint = Somewhere, HttpStatus = 200, HttpBody = "<title>Braiins OS</title>",
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Description":"BOSer boser-buildroot 0.1.0"}],"VERSION":[{"BOSer":"2025-01-02"}],"id":1}""",
        },
        "luxos" => new()
        {
            Endpoint = Somewhere, HttpStatus = 200, HttpBody = "LuxOS | Luxor Firmware",
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Description":"LUXminer 2025.1.3"}],"VERSION":[{"LUXminer":"2025.1.3.20250103"}],"id":1}""",
        },
        "vnish" => new() { Endpoint = Somewhere, HttpStatus = 200, HttpBody = "<title>AnthillOS</title>" },
        "avalon" => new()
        {
            Endpoint = Somewhere, HttpStatus = 200, HttpBody = "Avalon Device",
            RpcVersionReply = """{"STATUS":[{"STATUS":"S","Description":"cgminer 4.11.1"}],"VERSION":[{"PROD":"AvalonNano3","MODEL":"Nano3","LVERSION":"20241127"}],"id":1}""",
        },
        _ => new() { Endpoint = Somewhere },
    };
}

using System.Text.Json;

namespace ProofOfHeat.Drivers.Miners.Braiins.Tests;

/// <summary>The parser on the example replies of the Braiins OS Public REST API, in snake_case and camelCase.</summary>
public sealed class BraiinsReplyParserTests
{
    [Fact]
    public void Login_gives_the_token_and_its_lifetime()
    {
        var login = BraiinsReplyParser.ParseLogin(Json("""{"token":"lR7tDq0ZbX2u9wYv","timeout_s":3600}"""));

        Assert.Equal(new BraiinsLogin("lR7tDq0ZbX2u9wYv", TimeSpan.FromHours(1)), login);
    }

    [Fact]
    public void Login_without_a_token_is_a_protocol_error() =>
        Assert.Throws<MinerProtocolException>(() => BraiinsReplyParser.ParseLogin(Json("""{"timeout_s":3600}""")));

    [Fact]
    public void Stats_give_the_5s_hashrate_and_the_approximated_power()
    {
        var stats = BraiinsReplyParser.ParseStats(Json("""
            {"pool_stats":{"accepted_shares":18342,"rejected_shares":21,"stale_shares":3,"last_difficulty":65536,"best_share":412398233,"generated_work":1203442},
             "miner_stats":{"real_hashrate":{"last_5s":{"gigahash_per_second":99812.4},"last_1m":{"gigahash_per_second":100203.1},
               "last_15m":{"gigahash_per_second":100011.7},"last_1h":{"gigahash_per_second":99950.2},
               "since_restart":{"gigahash_per_second":99870.0}},
               "nominal_hashrate":{"gigahash_per_second":100000.0},"error_hashrate":{"megahash_per_second":320.5},
               "found_blocks":0,"best_share":412398233,"best_share_str":"412398233"},
             "power_stats":{"approximated_consumption":{"watt":2512},"efficiency":{"joule_per_terahash":25.1}}}
            """));

        Assert.Equal(new BraiinsStats(99812.4, 2512), stats);
    }

    [Fact]
    public void Stats_in_the_grpc_json_mapping_are_read_too()
    {
        var stats = BraiinsReplyParser.ParseStats(Json("""
            {"minerStats":{"realHashrate":{"last1m":{"gigahashPerSecond":1200.5}}},"powerStats":{"approximatedConsumption":{"watt":1400}}}
            """));

        Assert.Equal(new BraiinsStats(1200.5, 1400), stats);
    }

    [Fact]
    public void Power_target_and_mode_come_from_the_performance_mode_in_the_rest_shape()
    {
        // The example of GET /api/v1/performance/mode in the Braiins OS Public REST API OpenAPI 1.7.0.
        var rest = BraiinsReplyParser.ParsePerformanceMode(Json("""{"tunermode":{"target":{"powertarget":{"power_target":{"watt":2000}}}}}"""));
        var hashrate = BraiinsReplyParser.ParsePerformanceMode(Json("""{"tunermode":{"target":{"hashratetarget":{"hashrate_target":{"terahash_per_second":90.0}}}}}"""));
        var manual = BraiinsReplyParser.ParsePerformanceMode(Json("""{"manualmode":{"hashboards":[]}}"""));

        Assert.Equal(new BraiinsPerformanceMode("power target", 2000), rest);
        Assert.Equal(new BraiinsPerformanceMode("hashrate target", null), hashrate);
        Assert.Equal(new BraiinsPerformanceMode("manual", null), manual);
    }

    [Fact]
    public void The_grpc_gateway_naming_of_the_performance_mode_is_read_too()
    {
        Assert.Equal(2000, BraiinsReplyParser.ParsePerformanceMode(Json("""{"tuner_mode":{"power_target":{"power_target":{"watt":2000}}}}""")).PowerTargetWatts);
        Assert.Equal(2100, BraiinsReplyParser.ParsePerformanceMode(Json("""{"tunerMode":{"powerTarget":{"powerTarget":{"watt":2100}}}}""")).PowerTargetWatts);
        Assert.Equal(new BraiinsPerformanceMode(null, null), BraiinsReplyParser.ParsePerformanceMode(Json("{}")));
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("3", 3)]
    [InlineData("\"MINER_STATUS_PAUSED\"", 3)]
    [InlineData("\"NOT_STARTED\"", 1)]
    [InlineData("\"normal\"", 2)]
    [InlineData("9", 0)]
    [InlineData("\"sideways\"", 0)]
    public void Details_state_is_read_as_number_or_name(string status, int expected)
    {
        var details = BraiinsReplyParser.ParseDetails(Json(
            $$"""{"miner_identity":{"miner_model":"Antminer S19j Pro"},"bosminer_uptime_s":3600,"status":{{status}}}"""));

        Assert.Equal(new BraiinsDetails((BraiinsMinerState)expected, "Antminer S19j Pro", TimeSpan.FromHours(1)), details);
    }

    [Fact]
    public void Hashboards_give_board_and_hottest_chip_temperatures()
    {
        var boards = BraiinsReplyParser.ParseHashboards(Json("""
            {"hashboards":[{"id":"1","board_temp":{"degree_c":55.5},"highest_chip_temp":{"temperature":{"degree_c":70.25}}},
                           {"id":"2","board_temp":{"degree_c":56}},
                           {"id":"3"}]}
            """));

        Assert.Equal([55.5, 56.0], boards.BoardTemperatures);
        Assert.Equal([70.25], boards.ChipTemperatures);
    }

    [Fact]
    public void Constraints_bound_the_power_target()
    {
        var constraints = BraiinsReplyParser.ParseConstraints(Json("""
            {"tuner_constraints":{"power_target":{"min":{"watt":1000},"max":{"watt":3050},"default":{"watt":3250}}}}
            """));

        Assert.Equal(new BraiinsConstraints(1000, 3050, 3050), constraints);
        Assert.Throws<MinerProtocolException>(() => BraiinsReplyParser.ParseConstraints(Json("""{"tuner_constraints":{}}""")));
    }

    [Fact]
    public void Fans_and_errors_are_listed()
    {
        Assert.Equal([3000, 3120], BraiinsReplyParser.ParseFans(Json("""{"fans":[{"position":0,"rpm":3000},{"position":1,"rpm":3120.4}]}""")));
        Assert.Equal(["Fan 2 lost"], BraiinsReplyParser.ParseErrors(Json("""{"errors":[{"message":"Fan 2 lost"},{"message":""}]}""")));
    }

    [Fact]
    public void Power_target_body_is_the_watt_object() => Assert.Equal("""{"watt":2500}""", BraiinsReplyParser.PowerTargetBody(2500));

    private static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);
}

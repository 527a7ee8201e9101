using ProofOfHeat.TestKit.Prometheus;
using Xunit;

namespace ProofOfHeat.Telemetry.Store.Tests.Metrics;

/// <summary>The test's parser is strict: each rule it checks refuses a line that breaks it.</summary>
public sealed class PrometheusTextParserTests
{
    [Fact]
    public void A_well_formed_exposition_parses_with_escapes_undone()
    {
        var families = PrometheusTextParser.Parse(
            "# HELP a_total Help with \\\\ and \\n.\n# TYPE a_total counter\na_total{l=\"x\\\"y\\\\z\\nw\"} 1.5e3 1700000000000\nb NaN\nc +Inf\n");
        Assert.Equal("Help with \\ and \n.", families[0].Help);
        Assert.Equal("x\"y\\z\nw", families[0].Samples[0].Labels["l"]);
        Assert.Equal(1500, families[0].Samples[0].Value);
        Assert.True(double.IsNaN(families[1].Samples[0].Value));
    }

    [Theory]
    [InlineData("a 1", "last line")]
    [InlineData("1a 1\n", "metric name")]
    [InlineData("a{1l=\"x\"} 1\n", "label name")]
    [InlineData("a{__l=\"x\"} 1\n", "label name")]
    [InlineData("a{l=x} 1\n", "not quoted")]
    [InlineData("a{l=\"x\\t\"} 1\n", "bad escape")]
    [InlineData("a{l=\"x} 1\n", "unterminated")]
    [InlineData("a{l=\"x\" m=\"y\"} 1\n", "commas")]
    [InlineData("a{l=\"x\",l=\"y\"} 1\n", "twice")]
    [InlineData("a one\n", "sample value")]
    [InlineData("a 1 now\n", "timestamp")]
    [InlineData("a 1\na 2\n", "twice")]
    [InlineData("a{l=\"1\"} 1\nb 1\na{l=\"2\"} 1\n", "one group")]
    [InlineData("a 1\n# TYPE a gauge\n", "after its samples")]
    [InlineData("# TYPE a gauge\n# TYPE a counter\n", "second TYPE")]
    [InlineData("# TYPE a meter\n", "bad or second TYPE")]
    [InlineData("# HELP a x\n# HELP a y\n", "second HELP")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n", "cumulative")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n", "+Inf")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n", "_sum")]
    public void A_line_that_breaks_a_rule_is_refused(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => PrometheusTextParser.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}

using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Tests.Support;
using ProofOfHeat.Notify.Texts;
using Xunit;

namespace ProofOfHeat.Notify.Tests.Texts;

public sealed class AlertTextRendererTests
{
    private static Alert Leak(AlertRequest? request = null) =>
        new("a1b2c3d4e5", request ?? AlertHarness.Leak(), AlertState.Raised, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void English_and_Russian_defaults_use_the_alert_values()
    {
        var renderer = new AlertTextRenderer(new NotifyOptions());

        var en = renderer.Render(Leak(), "en");
        var ru = renderer.Render(Leak(), "ru");

        Assert.Equal("Water leak: Kitchen sink", en.Title);
        Assert.Equal("Water detected by Kitchen sink; closing the main valve.", en.Message);
        Assert.Equal("Протечка: Kitchen sink", ru.Title);
        Assert.Equal("Датчик Kitchen sink обнаружил воду; закрываю the main valve.", ru.Message);
    }

    [Fact]
    public void Missing_values_fall_back_inside_the_template()
    {
        var renderer = new AlertTextRenderer(new NotifyOptions());
        var bare = AlertHarness.Leak() with { Values = null };

        Assert.Equal("Water leak: a sensor", renderer.Render(Leak(bare), "en").Title);
        Assert.Equal("Water detected by a leak sensor.", renderer.Render(Leak(bare), "en").Message);
    }

    [Fact]
    public void Config_overrides_a_kind_per_language_and_an_unknown_kind_keeps_the_request_text()
    {
        var options = new NotifyOptions
        {
            Templates = new Dictionary<string, AlertTemplateText>
            {
                ["safety.leak.ru"] = new("ВОДА у {{ sensor }}", "{{ severity }} от {{ source }}"),
                ["safety.leak"] = new("WATER at {{ sensor }}", "{{ default_message }}"),
            },
        };
        var renderer = new AlertTextRenderer(options);

        Assert.Equal(new RenderedAlert("ВОДА у Kitchen sink", "critical от safety"), renderer.Render(Leak(), "ru"));
        Assert.Equal(new RenderedAlert("WATER at Kitchen sink", "Water under the sink"), renderer.Render(Leak(), "en"));
        var custom = AlertHarness.Leak() with { Kind = "garden.pump", Title = "Pump dry", Message = "The pump ran dry." };
        Assert.Equal(new RenderedAlert("Pump dry", "The pump ran dry."), renderer.Render(Leak(custom)));
    }

    [Fact]
    public void A_broken_config_template_falls_back_to_the_request_text()
    {
        var options = new NotifyOptions
        {
            Templates = new Dictionary<string, AlertTemplateText> { ["safety.leak"] = new("{{ if }}", "{{ for x in }}") },
        };

        Assert.Equal(new RenderedAlert("Leak", "Water under the sink"), new AlertTextRenderer(options).Render(Leak()));
    }

    [Theory]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("plain", "plain")]
    public void Html_escapes_the_three_characters_the_api_names(string text, string expected) =>
        Assert.Equal(expected, ParseModeEscaping.Html(text));

    [Fact]
    public void MarkdownV2_escapes_every_reserved_character() =>
        Assert.Equal(@"1\.5 kW \(max\) \- ok\! \_a\* \[x\]\~\`\>\#\+\=\|\{\}\\", ParseModeEscaping.MarkdownV2(@"1.5 kW (max) - ok! _a* [x]~`>#+=|{}\"));
}

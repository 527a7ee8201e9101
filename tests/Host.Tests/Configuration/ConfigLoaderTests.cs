using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Tests.Configuration;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_NoFileNoEnvironment_UsesDefaults()
    {
        var config = Load(configFile: null);

        Assert.Null(config.ConfigFile);
        Assert.Null(config.Options.HomeAssistant);
        Assert.Null(config.Options.Mqtt);
        Assert.Equal("127.0.0.1", config.Options.Http.Bind);
        Assert.Equal(8099, config.Options.Http.Port);
        Assert.Equal(LogFormat.Console, config.Options.Logging.Format);
        Assert.False(config.IsAddon);
    }

    [Fact]
    public void Load_PohYamlInWorkingDirectory_IsRead()
    {
        _dir.Write("poh.yaml", "http:\n  port: 9000\n");

        var config = Load(configFile: null);

        Assert.Equal(_dir.Combine("poh.yaml"), config.ConfigFile);
        Assert.Equal(9000, config.Options.Http.Port);
    }

    [Fact]
    public void Load_PohConfigVariable_NamesTheFile()
    {
        var file = _dir.Write("other.yaml", "http:\n  port: 9001\n");

        var config = Load(configFile: null, env: new() { ["POH_CONFIG"] = file });

        Assert.Equal(9001, config.Options.Http.Port);
    }

    [Fact]
    public void Load_ValidFile_BindsEveryType()
    {
        var file = _dir.Write("poh.yaml", """
            homeassistant:
              url: ws://ha.local:8123/api/websocket
              token: abcdef
            mqtt:
              url: mqtt://127.0.0.1:1883
              username: poh
            logging:
              level: warning
              format: json
            apps:
              sample:
                enabled: false
                comfort_target: 22.5
                period: 1h30m
                zones: [living, bedroom]
                offsets: { living: -0.5 }
                mode: comfort
                entity: climate.living
            """);

        var options = Load(file).Options;

        Assert.Equal(new Uri("ws://ha.local:8123/api/websocket"), options.HomeAssistant!.Url);
        Assert.Equal("abcdef", options.HomeAssistant.Token);
        Assert.Equal("poh", options.Mqtt!.Username);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, options.Logging.Level);
        Assert.Equal(LogFormat.Json, options.Logging.Format);
        var app = options.Apps["sample"];
        Assert.False(app.Enabled);
        var sample = Assert.IsType<SampleAppOptions>(app.Options);
        Assert.Equal(22.5, sample.ComfortTarget);
        Assert.Equal(TimeSpan.FromMinutes(90), sample.Period);
        Assert.Equal(["living", "bedroom"], sample.Zones);
        Assert.Equal(-0.5, sample.Offsets["living"]);
        Assert.Equal(SampleMode.Comfort, sample.Mode);
        Assert.Equal("climate.living", sample.Entity);
    }

    [Fact]
    public void Load_MissingRequiredKey_ReportsOneErrorWithFileLineAndKey()
    {
        var file = _dir.Write("poh.yaml", "homeassistant:\n  url: ws://ha.local:8123/api/websocket\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Equal($"{file}:2:3", error.Location.ToString());
        Assert.Equal("homeassistant.token", error.KeyPath);
        Assert.Contains("missing required key `token`", error.Problem, StringComparison.Ordinal);
        Assert.Contains("Add `token:", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UrlWithWrongScheme_ReportsFileLineAndTheAllowedSchemes()
    {
        var file = _dir.Write("poh.yaml", "homeassistant:\n  url: htp://ha.local:8123\n  token: abc\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Equal($"{file}:2:8", error.Location.ToString());
        Assert.Equal("homeassistant.url", error.KeyPath);
        Assert.Contains("`htp://`", error.Problem, StringComparison.Ordinal);
        Assert.Contains("http://, https://, ws://, wss://", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Zigbee2MqttDevices_BindsEachDevice()
    {
        var file = _dir.Write("poh.yaml", """
            mqtt:
              url: mqtt://broker.lan:1883
              zigbee2mqtt:
                devices:
                  - name: leak_kitchen
                    property: water_leak
                    entity_id: binary_sensor.leak_kitchen
                    stale_after: 25h
                  - name: main_valve
                    property: state
                    domain: switch
            """);

        var zigbee = Load(file).Options.Mqtt!.Zigbee2Mqtt!;

        Assert.Equal("zigbee2mqtt", zigbee.BaseTopic);
        Assert.Equal(2, zigbee.Devices.Count);
        Assert.Equal("binary_sensor.leak_kitchen", zigbee.Devices[0].EntityId);
        Assert.Equal(TimeSpan.FromHours(25), zigbee.Devices[0].StaleAfter);
        Assert.Equal("switch", zigbee.Devices[1].Domain);
    }

    [Fact]
    public void Load_Zigbee2MqttDeviceWithoutProperty_ReportsTheItemsLine()
    {
        var file = _dir.Write("poh.yaml", "mqtt:\n  url: mqtt://broker.lan\n  zigbee2mqtt:\n    devices:\n      - name: leak_kitchen\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.StartsWith($"{file}:5:", error.Location.ToString(), StringComparison.Ordinal);
        Assert.Equal("mqtt.zigbee2mqtt.devices[0].property", error.KeyPath);
    }

    [Fact]
    public void Load_WrongType_ReportsOneErrorWithFileLineAndKey()
    {
        var file = _dir.Write("poh.yaml", "http:\n  port: abc\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Equal($"{file}:2:9", error.Location.ToString());
        Assert.Equal("http.port", error.KeyPath);
        Assert.Equal("expected a whole number, got \"abc\"", error.Problem);
        Assert.StartsWith($"{file}:2:9: http.port: expected a whole number", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKey_SuggestsClosestKey()
    {
        var file = _dir.Write("poh.yaml", "http:\n  bind: 127.0.0.1\n  prot: 80\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Equal($"{file}:3:3", error.Location.ToString());
        Assert.Equal("http.prot", error.KeyPath);
        Assert.Equal("unknown key `prot`; did you mean `port`?", error.Problem);
    }

    [Fact]
    public void Load_MissingSecret_NamesTheSecretAndTheSecretsFile()
    {
        var file = _dir.Write("poh.yaml", "homeassistant:\n  url: ws://ha.local/api/websocket\n  token: !secret ha_token\n");
        _dir.Write("secrets.yaml", "other: x\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Equal($"{file}:3:10", error.Location.ToString());
        Assert.Equal("homeassistant.token", error.KeyPath);
        Assert.Contains("secret `ha_token`", error.Problem, StringComparison.Ordinal);
        Assert.Contains(_dir.Combine("secrets.yaml"), error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SecretsFileAbsent_SaysWhereItLooked()
    {
        var file = _dir.Write("poh.yaml", "mqtt:\n  url: mqtt://b\n  password: !secret mqtt_password\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Contains($"no secrets file at {_dir.Combine("secrets.yaml")}", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_YamlSyntaxError_ReportsLineAndColumn()
    {
        var file = _dir.Write("poh.yaml", "http:\n  port: 1\n bind: [\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Equal(file, error.Location.Source);
        Assert.Equal(3, error.Location.Line);
        Assert.True(error.Location.Column > 0);
        Assert.StartsWith("YAML syntax error", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SecretTag_ResolvesFromSecretsYamlBesideConfig()
    {
        var file = _dir.Write("poh.yaml", "homeassistant:\n  url: ws://ha.local/api/websocket\n  token: !secret ha_token\n");
        _dir.Write("secrets.yaml", "ha_token: s3cr3t-value\n");

        var config = Load(file);

        Assert.Equal("s3cr3t-value", config.Options.HomeAssistant!.Token);
        Assert.Contains("s3cr3t-value", config.SecretValues);
    }

    [Fact]
    public void Load_SeveralErrors_ReportsAllInLineOrder()
    {
        var file = _dir.Write("poh.yaml", "http:\n  port: abc\n  bnd: x\nlogging:\n  format: xml\nbogus: 1\n");

        var errors = LoadErrors(file);

        Assert.Equal(["http.port", "http.bnd", "logging.format", "bogus"], errors.Select(e => e.KeyPath));
    }

    [Fact]
    public void Load_OutOfRangePort_ReportsRange()
    {
        var file = _dir.Write("poh.yaml", "http:\n  port: 70000\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Contains("from 0 to 65535", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownApp_SuggestsRegisteredApp()
    {
        var file = _dir.Write("poh.yaml", "apps:\n  sampel:\n    enabled: false\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Equal("apps.sampel", error.KeyPath);
        Assert.Contains("did you mean `sample`?", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AppOptionsWrongType_ReportsAppKeyPath()
    {
        var file = _dir.Write("poh.yaml", "apps:\n  sample:\n    entity: x\n    period: soon\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Equal("apps.sample.period", error.KeyPath);
        Assert.Equal($"{file}:4:13", error.Location.ToString());
    }

    [Fact]
    public void Load_EnvironmentVariables_OverrideFile()
    {
        var file = _dir.Write("poh.yaml", "homeassistant:\n  url: ws://file/api/websocket\n  token: from-file\n");

        var options = Load(file, new()
        {
            ["POH_HA_URL"] = "ws://env/api/websocket",
            ["POH_HA_TOKEN"] = "from-env",
            ["POH_MQTT_URL"] = "mqtt://env:1883",
        }).Options;

        Assert.Equal(new Uri("ws://env/api/websocket"), options.HomeAssistant!.Url);
        Assert.Equal("from-env", options.HomeAssistant.Token);
        Assert.Equal(new Uri("mqtt://env:1883"), options.Mqtt!.Url);
    }

    [Fact]
    public void Load_BadEnvironmentUrl_NamesTheVariable()
    {
        var error = Assert.Single(LoadErrors(null, new() { ["POH_MQTT_URL"] = "not a url" }));

        Assert.Equal("environment POH_MQTT_URL", error.Location.ToString());
        Assert.Equal("mqtt.url", error.KeyPath);
    }

    [Fact]
    public void Load_SupervisorToken_ReadsOptionsJsonAndUsesSupervisorProxy()
    {
        var optionsFile = _dir.Write("options.json", """{"http": {"port": 8123}, "logging": {"format": "console"}}""");

        var config = Load(null, new() { ["SUPERVISOR_TOKEN"] = "supervisor-token", ["POH_OPTIONS_FILE"] = optionsFile });

        Assert.True(config.IsAddon);
        Assert.Equal(optionsFile, config.AddonOptionsFile);
        Assert.Equal(new Uri("ws://supervisor/core/websocket"), config.Options.HomeAssistant!.Url);
        Assert.Equal("supervisor-token", config.Options.HomeAssistant.Token);
        Assert.Equal(8123, config.Options.Http.Port);
        Assert.Equal("127.0.0.1", config.Options.Http.Bind);
        Assert.Equal("/data", config.Options.Storage.Path);
        Assert.Contains("supervisor-token", config.SecretValues);
    }

    [Fact]
    public void Load_AddonOptionsWrongType_ReportsJsonLineAndKey()
    {
        var optionsFile = _dir.Write("options.json", "{\n  \"http\": {\n    \"port\": \"abc\"\n  }\n}\n");

        var error = Assert.Single(LoadErrors(null, new() { ["SUPERVISOR_TOKEN"] = "t", ["POH_OPTIONS_FILE"] = optionsFile }));

        Assert.Equal($"{optionsFile}:3:13", error.Location.ToString());
        Assert.Equal("http.port", error.KeyPath);
    }

    [Fact]
    public void Load_AddonOptionsMissing_ReportsThePath()
    {
        var missing = _dir.Combine("nope.json");

        var error = Assert.Single(LoadErrors(null, new() { ["SUPERVISOR_TOKEN"] = "t", ["POH_OPTIONS_FILE"] = missing }));

        Assert.Equal(missing, error.Location.Source);
    }

    [Fact]
    public void Load_ConfigFlagNamesMissingFile_ReportsIt()
    {
        var error = Assert.Single(LoadErrors(_dir.Combine("missing.yaml")));

        Assert.Contains("--config", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HeatingOptimiserAndSourcePhysics_AreReadAndABadSourceTypeNamesLineAndChoices()
    {
        var file = _dir.Write("poh.yaml", """
            apps:
              heating:
                optimiser:
                  minimum_history: 36h
                  gas_price: 0.11
                zones:
                  - id: living
                    room_temperature_entity: sensor.living_temperature
                    sources: [hp, s21]
                sources:
                  - id: hp
                    kind: number
                    entity: number.hp_power
                    type: heat_pump
                    hydronic: true
                    modulating: true
                    power_levels: [0, 2400, 8000]
                    flow_temperature_entity: number.hp_flow
                    minimum_on: 20m
                  - id: s21
                    kind: fleet
                    entity: s21
                    type: miner
                    joules_per_terahash: 17.5
            """);
        var schema = new AppCatalog().Register<ProofOfHeat.Apps.Heating.HeatingOptions>("heating");

        var heating = Assert.IsType<ProofOfHeat.Apps.Heating.HeatingOptions>(ConfigLoader.Load(new ConfigRequest(file, new Dictionary<string, string>(), _dir.Path, schema)).Options.Apps["heating"].Options);

        Assert.Equal(TimeSpan.FromHours(36), heating.Optimiser.MinimumHistory);
        Assert.Equal(0.11, heating.Optimiser.GasPrice);
        Assert.Equal(ProofOfHeat.Apps.Heating.Sources.HeatSourceType.HeatPump, heating.Sources[0].EffectiveType);
        Assert.True(heating.Sources[0].Hydronic && heating.Sources[0].Modulating);
        Assert.Equal("number.hp_flow", heating.Sources[0].FlowTemperatureEntity);
        Assert.Equal(TimeSpan.FromMinutes(20), heating.Sources[0].MinimumOn);
        Assert.True(heating.Sources[1].IsMiner);
        Assert.Equal(17.5, heating.Sources[1].JoulesPerTerahash);

        var bad = _dir.Write("bad.yaml", "apps:\n  heating:\n    sources:\n      - id: hp\n        entity: number.hp\n        type: heatpump2\n    zones:\n      - { id: living, room_temperature_entity: sensor.living, sources: [hp] }\n");
        var error = Assert.Single(Assert.Throws<ConfigException>(() => ConfigLoader.Load(new ConfigRequest(bad, new Dictionary<string, string>(), _dir.Path, schema))).Errors);
        Assert.StartsWith($"{bad}:6:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("heat_pump", error.ToString(), StringComparison.Ordinal);
    }

    private LoadedConfig Load(string? configFile, Dictionary<string, string>? env = null) =>
        ConfigLoader.Load(Request(configFile, env));

    private IReadOnlyList<ConfigError> LoadErrors(string? configFile, Dictionary<string, string>? env = null) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.Load(Request(configFile, env))).Errors;

    private ConfigRequest Request(string? configFile, Dictionary<string, string>? env) =>
        new(configFile, env ?? [], _dir.Path, new AppCatalog().Register<SampleAppOptions>("sample").Register("other"));
}

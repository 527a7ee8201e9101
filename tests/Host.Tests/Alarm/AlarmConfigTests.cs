using ProofOfHeat.Apps.Alarm;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Host.Tests.Alarm;

/// <summary><c>apps.alarm</c> through the host's binder: the README's config loads, mistakes are reported with file:line.</summary>
public sealed class AlarmConfigTests : IDisposable
{
    private const string ReadmeConfig = """
        apps:
          alarm:
            code: !secret alarm_code
            code_arm_required: false
            sirens: [switch.hall_siren, siren.outdoor]
            trigger_time: 10m
            away:  { sensors: [binary_sensor.front_door_contact], instant_sensors: [binary_sensor.hall_motion_occupancy], exit_delay: 60s, entry_delay: 30s }
            night: { sensors: [binary_sensor.front_door_contact], instant_sensors: [binary_sensor.living_window_contact], exit_delay: 10s, entry_delay: 15s }
            reminders:
              doors: [binary_sensor.front_door_contact]
              locks: [lock.front_door]
              garages: [cover.garage_door]
              presence: [zone.home]
              night_at: "22:30"
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadmeConfig_Loads()
    {
        var file = _dir.Write("poh.yaml", ReadmeConfig);
        _dir.Write("secrets.yaml", "alarm_code: \"2580\"\n");

        var options = Assert.IsType<AlarmOptions>(ConfigLoader.Load(Request(file)).Options.Apps[AlarmApp.AppId].Options);

        Assert.Equal(("2580", MqttAlarmCodeFormat.Number, TimeSpan.FromMinutes(10)), (options.Code, options.CodeFormat, options.TriggerTime));
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)), (options.Away!.ExitDelay, options.Away.EntryDelay));
        Assert.Equal(["binary_sensor.hall_motion_occupancy"], options.Away.InstantSensors);
        Assert.Null(options.Home);
        Assert.Equal(new TimeOnly(22, 30), options.Reminders.NightTime);
    }

    [Fact]
    public void AModeWithoutSensors_IsReportedAtTheAlarmSection()
    {
        var file = _dir.Write("poh.yaml", "apps:\n  alarm:\n    away:\n      exit_delay: 30s\n");

        var error = Assert.Single(Assert.Throws<ConfigException>(() => ConfigLoader.Load(Request(file))).Errors);

        Assert.StartsWith("apps.alarm", error.KeyPath, StringComparison.Ordinal);
        Assert.Contains("a mode needs at least one sensor", error.Problem, StringComparison.Ordinal);
        Assert.Equal(file, error.Location.Source);
    }

    [Fact]
    public void AWrongDelay_NamesItsKeyAndLine()
    {
        var file = _dir.Write("poh.yaml", "apps:\n  alarm:\n    away:\n      sensors: [binary_sensor.door]\n      entry_delay: soon\n");

        var error = Assert.Single(Assert.Throws<ConfigException>(() => ConfigLoader.Load(Request(file))).Errors);

        Assert.Equal("apps.alarm.away.entry_delay", error.KeyPath);
        Assert.Equal($"{file}:5:20", error.Location.ToString());
    }

    private ConfigRequest Request(string file) =>
        new(file, new Dictionary<string, string>(), _dir.Path, new AppCatalog().Register<AlarmOptions>(AlarmApp.AppId));
}

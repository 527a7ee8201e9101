using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Apps.Alarm.Tests.Support;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Apps.Alarm.Tests.Options;

/// <summary>What <c>check-config</c> refuses in <c>apps.alarm</c> (the host's binder runs <see cref="AlarmOptions.Validate"/>).</summary>
public sealed class AlarmOptionsTests
{
    [Fact]
    public void TheTestHouse_IsValid() => AlarmConfigs.House("2580", codeToArm: true).Validate();

    [Theory]
    [InlineData("no_modes", "at least one mode")]
    [InlineData("mode_without_sensors", "apps.alarm.away: a mode needs at least one sensor")]
    [InlineData("negative_delay", "apps.alarm.away: exit_delay and entry_delay must not be negative")]
    [InlineData("letters_in_number_code", "must be digits only")]
    [InlineData("arm_code_without_code", "code_arm_required needs a code")]
    [InlineData("siren_not_switchable", "siren 'sensor.siren' must be")]
    [InlineData("night_at_garbage", "night_at '25:99'")]
    [InlineData("lock_not_a_lock", "locks takes lock.* entities")]
    [InlineData("sensor_twice", "listed both as a delayed and an instant sensor")]
    public void Validate_RefusesWhatCannotWork(string variant, string expected)
    {
        var options = AlarmConfigs.House();
        switch (variant)
        {
            case "no_modes":
                options.Home = options.Away = options.Night = null;
                break;
            case "mode_without_sensors":
                options.Away = new AlarmModeOptions();
                break;
            case "negative_delay":
                options.Away!.ExitDelay = TimeSpan.FromSeconds(-1);
                break;
            case "letters_in_number_code":
                options.Code = "12ab";
                options.CodeFormat = MqttAlarmCodeFormat.Number;
                break;
            case "arm_code_without_code":
                options.CodeArmRequired = true;
                break;
            case "siren_not_switchable":
                options.Sirens = ["sensor.siren"];
                break;
            case "night_at_garbage":
                options.Reminders.NightAt = "25:99";
                break;
            case "lock_not_a_lock":
                options.Reminders.Locks = ["switch.front_door"];
                break;
            default:
                options.Away!.InstantSensors = [AlarmConfigs.FrontDoor];
                break;
        }

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

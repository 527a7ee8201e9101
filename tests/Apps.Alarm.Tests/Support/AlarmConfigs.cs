using ProofOfHeat.Apps.Alarm.Options;

namespace ProofOfHeat.Apps.Alarm.Tests.Support;

/// <summary>The options the tests use: a house with a front door (delayed), a living-room window and a hall motion
/// sensor (instant), a Zigbee2MQTT siren and a HA siren, a garage, a front-door lock and a family group.</summary>
internal static class AlarmConfigs
{
    public const string FrontDoor = "binary_sensor.front_door_contact";
    public const string LivingWindow = "binary_sensor.living_window_contact";
    public const string HallMotion = "binary_sensor.hall_motion_occupancy";
    public const string Z2mSiren = "switch.hall_siren";
    public const string HaSiren = "siren.outdoor";
    public const string Garage = "cover.garage_door";
    public const string FrontLock = "lock.front_door";
    public const string Family = "group.family";

    public static AlarmOptions House(string code = "", bool codeToArm = false) => new()
    {
        Code = code,
        CodeArmRequired = codeToArm,
        Sirens = [Z2mSiren, HaSiren],
        TriggerTime = TimeSpan.FromMinutes(5),
        Away = new AlarmModeOptions
        {
            Sensors = [FrontDoor],
            InstantSensors = [LivingWindow, HallMotion],
            ExitDelay = TimeSpan.FromSeconds(60),
            EntryDelay = TimeSpan.FromSeconds(30),
        },
        Home = new AlarmModeOptions { Sensors = [FrontDoor], InstantSensors = [LivingWindow], ExitDelay = TimeSpan.Zero, EntryDelay = TimeSpan.FromSeconds(30) },
        Night = new AlarmModeOptions { Sensors = [FrontDoor], InstantSensors = [LivingWindow, HallMotion], ExitDelay = TimeSpan.FromSeconds(10), EntryDelay = TimeSpan.FromSeconds(15) },
        Reminders = new AlarmReminderOptions
        {
            Doors = [FrontDoor],
            Windows = [LivingWindow],
            Locks = [FrontLock],
            Garages = [Garage],
            Presence = [Family],
            NightAt = "22:30",
        },
    };
}

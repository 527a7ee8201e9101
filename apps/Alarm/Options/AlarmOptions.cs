using ProofOfHeat.Apps.Alarm.Policy;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Apps.Alarm.Options;

/// <summary>Options of the intrusion alarm (config section <c>apps.alarm</c>).</summary>
public sealed class AlarmOptions
{
    /// <summary>The code that disarms (and, with <see cref="CodeArmRequired"/>, arms), or empty for none. Checked by the
    /// brain; HA never sees it (the panel says <c>REMOTE_CODE</c>). Keep it in the secrets file.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>The keypad HA shows when a code is set: <c>number</c> or <c>text</c>.</summary>
    public MqttAlarmCodeFormat CodeFormat { get; set; } = MqttAlarmCodeFormat.Number;

    /// <summary>Whether arming needs the code too.</summary>
    public bool CodeArmRequired { get; set; }

    /// <summary>Whether disarming needs the code (when one is set).</summary>
    public bool CodeDisarmRequired { get; set; } = true;

    /// <summary>Wrong codes in a row before codes are refused for <see cref="Lockout"/> (guessing a 4-digit code over MQTT is quick).</summary>
    public int WrongCodeLimit { get; set; } = 5;

    /// <summary>Wrong codes in a row from one chat user (Telegram <c>/arm</c>, <c>/disarm</c>) before that user's codes are
    /// refused for <see cref="Lockout"/>, before they count towards <see cref="WrongCodeLimit"/> for everyone.</summary>
    public int ChatWrongCodeLimit { get; set; } = 3;

    /// <summary>How long codes are refused after <see cref="WrongCodeLimit"/> wrong ones.</summary>
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sirens to switch on when the alarm triggers: <c>siren.*</c>, <c>switch.*</c>, <c>light.*</c> or
    /// <c>input_boolean.*</c>, from HA or Zigbee2MQTT devices.</summary>
    public IReadOnlyList<string> Sirens { get; set; } = [];

    /// <summary>How long the alarm stays triggered (siren on) before it re-arms in the same mode.</summary>
    public TimeSpan TriggerTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The <c>home</c> mode, or null when not offered.</summary>
    public AlarmModeOptions? Home { get; set; }

    /// <summary>The <c>away</c> mode, or null when not offered.</summary>
    public AlarmModeOptions? Away { get; set; }

    /// <summary>The <c>night</c> mode, or null when not offered.</summary>
    public AlarmModeOptions? Night { get; set; }

    /// <summary>The <c>vacation</c> mode, or null when not offered.</summary>
    public AlarmModeOptions? Vacation { get; set; }

    /// <summary>Open doors, windows, garages and unlocked locks on leaving and at night.</summary>
    public AlarmReminderOptions Reminders { get; set; } = new();

    /// <summary>Whether a code is set.</summary>
    public bool HasCode => !string.IsNullOrEmpty(Code);

    /// <summary>The modes offered, with their options.</summary>
    public IReadOnlyDictionary<AlarmMode, AlarmModeOptions> Modes
    {
        get
        {
            var modes = new Dictionary<AlarmMode, AlarmModeOptions>();
            Add(AlarmMode.Home, Home);
            Add(AlarmMode.Away, Away);
            Add(AlarmMode.Night, Night);
            Add(AlarmMode.Vacation, Vacation);
            return modes;

            void Add(AlarmMode mode, AlarmModeOptions? options)
            {
                if (options is not null)
                {
                    modes[mode] = options;
                }
            }
        }
    }

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        if (Modes.Count == 0)
        {
            throw new ArgumentException("apps.alarm: configure at least one mode (home, away, night or vacation).");
        }

        foreach (var (mode, options) in Modes)
        {
            options.Validate($"apps.alarm.{mode.ToString().ToLowerInvariant()}");
        }

        if (HasCode && CodeFormat == MqttAlarmCodeFormat.None)
        {
            throw new ArgumentException("apps.alarm: code_format must be number or text when a code is set.");
        }

        if (HasCode && CodeFormat == MqttAlarmCodeFormat.Number && !Code.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("apps.alarm: a code_format number code must be digits only (HA shows a numeric keypad).");
        }

        if (!HasCode && CodeArmRequired)
        {
            throw new ArgumentException("apps.alarm: code_arm_required needs a code.");
        }

        if (WrongCodeLimit < 1 || ChatWrongCodeLimit < 1 || Lockout < TimeSpan.Zero || TriggerTime <= TimeSpan.Zero)
        {
            throw new ArgumentException("apps.alarm: wrong_code_limit and chat_wrong_code_limit must be at least 1, lockout not negative and trigger_time positive.");
        }

        if ((Sirens ?? []).FirstOrDefault(s => AlarmSirens.SirenDomain(s) is null) is { } siren)
        {
            throw new ArgumentException($"apps.alarm: siren '{siren}' must be a siren, switch, light or input_boolean entity.");
        }

        (Reminders ?? throw new ArgumentException("apps.alarm: reminders is empty.")).Validate();
    }
}

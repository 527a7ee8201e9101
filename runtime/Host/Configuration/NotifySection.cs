namespace ProofOfHeat.Host.Configuration;

/// <summary>Who hears about alerts and how (<c>notify:</c>). With nothing set, alerts still reach HA as the
/// <c>poh_alert</c> event and a persistent notification.</summary>
internal sealed class NotifySection
{
    /// <summary>The language of the default texts: <c>en</c> or <c>ru</c>.</summary>
    /// <value>Default: en.</value>
    public string Language { get; set; } = "en";

    /// <summary>The people told, with their mobile apps, Telegram chat, other notify services and escalation level.</summary>
    /// <value>Default: none.</value>
    public List<NotifyPersonSection> People { get; set; } = [];

    /// <summary>The Telegram bot.</summary>
    /// <value>Default: null (no bot).</value>
    public NotifyTelegramSection? Telegram { get; set; }

    /// <summary>When info and warning alerts wait (local time); critical ones never do.</summary>
    /// <value>Default: null (never quiet).</value>
    public NotifyQuietHoursSection? QuietHours { get; set; }

    /// <summary>How often an unacknowledged critical alert is repeated, reaching one more escalation level each time.</summary>
    /// <value>Default: 5 minutes.</value>
    public TimeSpan RepeatEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long Snooze holds an alert.</summary>
    /// <value>Default: 1 hour.</value>
    public TimeSpan SnoozeFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many notifications per alert key an hour (a flapping sensor never spams).</summary>
    /// <value>Default: 3.</value>
    public int MaxNotificationsPerHour { get; set; } = 3;

    /// <summary>The alarm panel entity <c>/arm</c> and <c>/disarm</c> act on, such as <c>alarm_control_panel.home</c>.</summary>
    /// <value>Default: null.</value>
    public string? AlarmPanel { get; set; }

    /// <summary>Texts per alert kind (and optionally language: <c>safety.leak.ru</c>), as Scriban templates.</summary>
    /// <value>Default: the shipped English and Russian texts.</value>
    public Dictionary<string, NotifyTemplateSection> Templates { get; set; } = new(StringComparer.Ordinal);
}

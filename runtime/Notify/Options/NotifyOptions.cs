namespace ProofOfHeat.Notify.Options;

/// <summary>Who hears about alerts, how, and when (the config's <c>notify:</c> section as the alert service takes it).</summary>
public sealed record NotifyOptions
{
    /// <summary>The language of the default texts: <c>en</c> or <c>ru</c>.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The people told, each with their channels and escalation level.</summary>
    public IReadOnlyList<NotifyPerson> People { get; init; } = [];

    /// <summary>The Telegram bot, or null for none.</summary>
    public TelegramOptions? Telegram { get; init; }

    /// <summary>When non-critical alerts are held, or null for never.</summary>
    public QuietHours? QuietHours { get; init; }

    /// <summary>How often an unacknowledged critical alert is repeated (and escalated one level further).</summary>
    public TimeSpan RepeatEvery { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long Snooze holds an alert's repeats.</summary>
    public TimeSpan SnoozeFor { get; init; } = TimeSpan.FromHours(1);

    /// <summary>At most this many notifications per alert key within <see cref="RateWindow"/>: a flapping sensor never spams.</summary>
    public int MaxNotificationsPerKey { get; init; } = 3;

    /// <summary>The window <see cref="MaxNotificationsPerKey"/> counts in.</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Title and message templates per alert kind (Scriban), overriding the defaults.</summary>
    public IReadOnlyDictionary<string, AlertTemplateText> Templates { get; init; } = new Dictionary<string, AlertTemplateText>(StringComparer.Ordinal);

    /// <summary>The alarm panel <c>/arm</c> and <c>/disarm</c> act on (e.g. <c>alarm_control_panel.home</c>), or null.</summary>
    public string? AlarmPanelEntity { get; init; }

    /// <summary>How many deliveries may wait for the sender before the oldest are dropped.</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>The highest escalation level any person has.</summary>
    public int MaxLevel => People.Count == 0 ? 0 : People.Max(p => p.Level);
}

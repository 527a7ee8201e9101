namespace ProofOfHeat.Host.Configuration;

/// <summary>One person alerts reach (<c>notify.people[i]</c>).</summary>
internal sealed class NotifyPersonSection
{
    /// <summary>A name for logs and the audit.</summary>
    /// <value>Required.</value>
    public required string Name { get; set; }

    /// <summary>0 hears every alert at once; 1 hears a critical alert still unacknowledged after its first repeat; and so on.</summary>
    /// <value>Default: 0.</value>
    public int Level { get; set; }

    /// <summary>HA companion app device ids (the part after <c>notify.mobile_app_</c>).</summary>
    /// <value>Default: none.</value>
    public List<string> MobileApps { get; set; } = [];

    /// <summary>The person's Telegram chat id.</summary>
    /// <value>Default: null.</value>
    public long? TelegramChat { get; set; }

    /// <summary>Other HA notify services (email, SMS, Slack), such as <c>notify.email_anna</c>.</summary>
    /// <value>Default: none.</value>
    public List<string> NotifyServices { get; set; } = [];

    /// <summary>The person's language (en, ru).</summary>
    /// <value>Default: the section's.</value>
    public string? Language { get; set; }
}

namespace ProofOfHeat.Notify.Options;

/// <summary>One person alerts reach.</summary>
public sealed record NotifyPerson
{
    /// <summary>A name for logs and templates.</summary>
    public required string Name { get; init; }

    /// <summary>0 hears every alert at once; 1 hears a critical alert when its first repeat is still unacknowledged; and so on.</summary>
    public int Level { get; init; }

    /// <summary>HA mobile app device ids: each is told through <c>notify.mobile_app_&lt;id&gt;</c>.</summary>
    public IReadOnlyList<string> MobileApps { get; init; } = [];

    /// <summary>The person's Telegram chat id, or null.</summary>
    public long? TelegramChat { get; init; }

    /// <summary>Other HA notify services (email, SMS, Slack), e.g. <c>notify.email_anna</c>.</summary>
    public IReadOnlyList<string> NotifyServices { get; init; } = [];

    /// <summary>The person's language (<c>en</c>, <c>ru</c>), or null for the section's.</summary>
    public string? Language { get; init; }
}

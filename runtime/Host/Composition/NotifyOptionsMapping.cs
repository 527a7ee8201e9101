using System.Globalization;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Configuration.Tree;
using ProofOfHeat.Notify.Options;

namespace ProofOfHeat.Host.Composition;

/// <summary>The <c>notify:</c> section as the alert service's options.</summary>
internal static class NotifyOptionsMapping
{
    /// <exception cref="ConfigException">Quiet hours are not <c>HH:mm</c>, or the language is not en or ru.</exception>
    public static NotifyOptions ToOptions(NotifySection section, string? configFile)
    {
        ArgumentNullException.ThrowIfNull(section);
        var location = configFile is null ? ConfigLocation.Defaults : ConfigLocation.Named(configFile);
        if (section.Language is not ("en" or "ru"))
        {
            throw new ConfigException([new ConfigError(location, "notify.language", $"`{section.Language}` has no texts", "Use en or ru")]);
        }

        return new NotifyOptions
        {
            Language = section.Language,
            People = [.. section.People.Select(p => new NotifyPerson
            {
                Name = p.Name,
                Level = p.Level,
                MobileApps = p.MobileApps,
                TelegramChat = p.TelegramChat,
                NotifyServices = p.NotifyServices,
                Language = p.Language,
            })],
            Telegram = section.Telegram is { } telegram
                ? new TelegramOptions
                {
                    Token = telegram.Token,
                    ServerUrl = telegram.ServerUrl,
                    Chats = [.. telegram.Chats.Select(c => new TelegramChatOptions(c.Id, c.Role))],
                }
                : null,
            QuietHours = section.QuietHours is { } quiet
                ? new QuietHours(Time(quiet.Start, "notify.quiet_hours.start", location), Time(quiet.End, "notify.quiet_hours.end", location))
                : null,
            RepeatEvery = section.RepeatEvery,
            SnoozeFor = section.SnoozeFor,
            MaxNotificationsPerKey = section.MaxNotificationsPerHour,
            RateWindow = TimeSpan.FromHours(1),
            AlarmPanelEntity = section.AlarmPanel,
            Templates = section.Templates.ToDictionary(t => t.Key, t => new AlertTemplateText(t.Value.Title, t.Value.Message), StringComparer.Ordinal),
        };
    }

    private static TimeOnly Time(string text, string key, ConfigLocation location) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new ConfigException([new ConfigError(location, key, $"`{text}` is not a time of day", "Write it as HH:mm, such as 22:00")]);
}

using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Chat;
using ProofOfHeat.Host.Composition;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Demo;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Notify.HomeAssistant;
using ProofOfHeat.Notify.Options;

namespace ProofOfHeat.Host.Tests.Composition;

public sealed class NotifyCompositionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_notify_section_binds_people_telegram_quiet_hours_and_templates()
    {
        var file = _dir.Write("poh.yaml", """
            notify:
              language: ru
              repeat_every: 10m
              quiet_hours: { start: "22:00", end: "07:00" }
              alarm_panel: alarm_control_panel.home
              people:
                - { name: anna, mobile_apps: [pixel_9], telegram_chat: 123456789, notify_services: [notify.email_anna] }
                - { name: boris, level: 1 }
              telegram:
                token: "123456:secret-token"
                chats:
                  - { id: 123456789, role: admin }
                  - { id: -100200, role: guest }
              templates:
                safety.leak: { title: "Leak: {{ sensor }}", message: "Water at {{ sensor }}" }
            """);

        var loaded = ConfigLoader.Load(new ConfigRequest(file, new Dictionary<string, string>(), _dir.Path, new AppCatalog()));
        var options = NotifyOptionsMapping.ToOptions(loaded.Options.Notify, file);

        Assert.Equal("ru", options.Language);
        Assert.Equal(TimeSpan.FromMinutes(10), options.RepeatEvery);
        Assert.Equal(new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)), options.QuietHours);
        Assert.Equal(["pixel_9"], options.People[0].MobileApps);
        Assert.Equal(123456789, options.People[0].TelegramChat);
        Assert.Equal(1, options.MaxLevel);
        Assert.Equal([new TelegramChatOptions(123456789, ChatRole.Admin), new TelegramChatOptions(-100200, ChatRole.Guest)], options.Telegram!.Chats);
        Assert.Equal("Leak: {{ sensor }}", options.Templates["safety.leak"].Title);
        Assert.Contains("123456:secret-token", loaded.SecretValues);
    }

    [Fact]
    public void Quiet_hours_that_are_not_a_time_of_day_are_a_config_error()
    {
        var section = new NotifySection { QuietHours = new NotifyQuietHoursSection { Start = "late", End = "07:00" } };

        var error = Assert.Single(Assert.Throws<ConfigException>(() => NotifyOptionsMapping.ToOptions(section, null)).Errors);
        Assert.Equal("notify.quiet_hours.start", error.KeyPath);
    }

    [Fact]
    public void The_demo_registers_alerts_and_passes_phone_actions_through_the_backend()
    {
        var services = new ServiceCollection();
        BrainComposition.Configure(services, new BrainOptions(), RunMode.Demo, AppCatalog.Shipped(), new DemoOptions(60, null, null) { Home = new DemoHome() });

        Assert.Contains(services, d => d.ServiceType == typeof(IAlerts));
        var backend = services.Last(d => d.ServiceType == typeof(ProofOfHeat.AppModel.Backend.IHomeBackend));
        Assert.NotNull(backend.ImplementationFactory);
        Assert.Contains(services, d => d.ServiceType == typeof(MobileAppActionPump));
    }

    [Fact]
    public void Against_HA_the_client_subscribes_to_notification_actions()
    {
        var services = new ServiceCollection();
        BrainComposition.Configure(
            services,
            new BrainOptions { HomeAssistant = new HomeAssistantOptions { Url = new Uri("ws://ha.local:8123/api/websocket"), Token = "t" } },
            RunMode.Run,
            AppCatalog.Shipped(),
            null);

        var client = services.Select(d => d.ImplementationInstance).OfType<ProofOfHeat.HomeAssistant.HomeAssistantClientOptions>().Single();
        Assert.Contains(MobileAppActionHandler.EventType, client.EventTypes);
        Assert.Contains(services, d => d.ServiceType == typeof(IAlerts));
    }
}

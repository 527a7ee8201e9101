using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProofOfHeat.Notify;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.Notify.Telegram;

namespace ProofOfHeat.Host.Tests.Composition;

/// <summary>
/// The Telegram part of <c>AddNotify</c> sits in a method of its own so that a brain without a bot never loads
/// Telegram.Bot (bench/Runtime/results.md); these check that the split registers the same services as before.
/// </summary>
public sealed class TelegramRegistrationTests
{
    [Fact]
    public void With_a_bot_the_telegram_channel_and_its_polling_service_are_registered()
    {
        var services = new ServiceCollection();
        services.AddNotify(new NotifyOptions { Telegram = new TelegramOptions { Token = "123456:token" } });

        Assert.Contains(services, d => d.ServiceType == typeof(IAlertChannel) && d.ImplementationType == typeof(TelegramAlertChannel));
        Assert.Contains(services, d => d.ServiceType == typeof(TelegramBotService));
        Assert.Contains(services, d => d.ServiceType == typeof(TelegramSender));
        Assert.Contains(services, d => d.ServiceType == typeof(TelegramOptions));
        Assert.Equal(3, services.Count(d => d.ServiceType == typeof(IHostedService)));
    }

    [Fact]
    public void Without_a_bot_nothing_of_telegram_is_registered()
    {
        var services = new ServiceCollection();
        services.AddNotify(new NotifyOptions());

        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(TelegramAlertChannel) || d.ServiceType == typeof(TelegramBotService) || d.ServiceType == typeof(TelegramOptions));
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IHostedService)));
    }
}

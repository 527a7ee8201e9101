using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.Apps.Alarm;
using ProofOfHeat.Apps.Alarm.Options;

namespace ProofOfHeat.Host.Tests.Alarm;

/// <summary>Hands the alarm app the test's options, as the configured provider hands the bound <c>apps.alarm</c> section.</summary>
internal sealed class AlarmTestOptionsProvider(AlarmOptions options) : IAppOptionsProvider
{
    private readonly DefaultAppOptionsProvider _defaults = new();

    public object GetOptions(string appId, Type optionsType) =>
        appId == AlarmApp.AppId ? options : _defaults.GetOptions(appId, optionsType);
}

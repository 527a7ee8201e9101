using ProofOfHeat.Host.HaSide;
using YamlDotNet.RepresentationModel;

namespace ProofOfHeat.Host.Tests.HaSide;

/// <summary>
/// The dashboard, the package and the Alice config of two configs, checked against what the real brain announces
/// for each (<see cref="BrainDiscovery"/>: <c>poh run</c>, mosquitto, the retained discovery payloads).
/// </summary>
public sealed class HaSideFilesTests(HaSideFixture fixture) : IClassFixture<HaSideFixture>
{
    // HA's own entity every install has (the home zone), used by the presence automations.
    private static readonly string[] HomeAssistantOwn = ["zone.home"];

    [Theory]
    [MemberData(nameof(HaSideConfigs.Names), MemberType = typeof(HaSideConfigs))]
    public void Catalogue_NamesExactlyWhatTheRunningBrainAnnounces(string config)
    {
        var rendered = fixture[config];

        Assert.Equal(rendered.Announced.Order(StringComparer.Ordinal), rendered.Model.BrainEntities.Select(e => e.EntityId).Order(StringComparer.Ordinal));
        Assert.Contains(rendered.Model.Zones[0].Climate, rendered.Announced);
    }

    [Theory]
    [MemberData(nameof(HaSideConfigs.Names), MemberType = typeof(HaSideConfigs))]
    public void Dashboard_IsValidSectionsLovelaceNamingOnlyAnnouncedConfiguredOrPackageEntities(string config)
    {
        var rendered = fixture[config];
        var (problems, ids) = LovelaceSchema.Check(rendered.Dashboard);
        var (packageEntities, _) = HaPackageReader.Read(rendered.Package);

        Assert.Empty(problems);
        var unknown = ids.Where(id => !rendered.Announced.Contains(id) && !rendered.Model.HomeEntities.Contains(id) && !packageEntities.Contains(id)).ToList();
        Assert.Empty(unknown);
        foreach (var miner in rendered.Model.Miners)
        {
            Assert.Contains(miner.Active, ids);
            Assert.Contains(miner.PowerLimit, ids);
        }

        Assert.All(rendered.Model.Zones, zone => Assert.Contains(zone.Climate, ids));
        Assert.Equal(rendered.Model.Alarm is not null, ids.Any(id => id.StartsWith("alarm_control_panel.", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(HaSideConfigs.Names), MemberType = typeof(HaSideConfigs))]
    public void Package_ParsesAndEveryReferenceExists(string config)
    {
        var rendered = fixture[config];
        var (defined, referenced) = HaPackageReader.Read(rendered.Package);

        var unknown = referenced
            .Where(id => !rendered.Announced.Contains(id) && !rendered.Model.HomeEntities.Contains(id) && !defined.Contains(id) && !HomeAssistantOwn.Contains(id))
            .ToList();
        Assert.Empty(unknown);
        Assert.Contains("sensor.poh_net_heat_cost_today", defined);
        Assert.Contains("input_select.poh_house_profile", defined);
        Assert.Contains(rendered.Model.Zones[0].Climate, referenced);
        Assert.Contains("mobile_app_notification_action", rendered.Package, StringComparison.Ordinal);
        // The dashboard it registers is the file poh dashboards writes.
        Assert.Contains($"filename: {HaSideFiles.DashboardPath}", rendered.Package, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HaSideConfigs.Names), MemberType = typeof(HaSideConfigs))]
    public void Alice_ExposesOnlyExistingEntitiesOfSupportedTypesWithRussianNames(string config)
    {
        var rendered = fixture[config];
        var (packageEntities, _) = HaPackageReader.Read(rendered.Package);
        var stream = new YamlStream();
        stream.Load(new StringReader(rendered.Alice));
        var root = (YamlMappingNode)((YamlMappingNode)stream.Documents.Single().RootNode)["yandex_smart_home"];
        var included = ((YamlSequenceNode)((YamlMappingNode)root["filter"])["include_entities"]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();
        var configured = (YamlMappingNode)root["entity_config"];

        Assert.Equal(included.Order(StringComparer.Ordinal), configured.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal));
        foreach (var (key, value) in configured.Children)
        {
            var id = ((YamlScalarNode)key).Value!;
            var entity = (YamlMappingNode)value;
            Assert.True(rendered.Announced.Contains(id) || rendered.Model.HomeEntities.Contains(id) || packageEntities.Contains(id), $"{id} exists nowhere");
            var type = ((YamlScalarNode)entity["type"]).Value!;
            Assert.Contains(type, YandexTypes.For(id));
            Assert.True(RussianNames.IsCyrillic(((YamlScalarNode)entity["name"]).Value), $"{id}: the name is not Russian");
            if (entity.Children.TryGetValue(new YamlScalarNode("room"), out var room))
            {
                Assert.True(RussianNames.IsCyrillic(((YamlScalarNode)room).Value), $"{id}: the room is not Russian");
            }
        }

        Assert.All(rendered.Model.Zones, zone => Assert.Contains(zone.Climate, included));
        Assert.All(rendered.Model.Miners, miner => Assert.Contains(miner.Active, included));
        Assert.Equal(rendered.Model.Alarm is not null, included.Contains(AliceConfig.AlarmMirror));
    }
}

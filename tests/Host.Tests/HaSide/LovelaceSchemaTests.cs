using ProofOfHeat.Host.HaSide;

namespace ProofOfHeat.Host.Tests.HaSide;

/// <summary>The checker itself: it passes a rendered dashboard and fails each kind of bad card.</summary>
public sealed class LovelaceSchemaTests
{
    private const string Valid = """
        views:
          - title: Heat
            type: sections
            sections:
              - type: grid
                cards:
                  - type: heading
                    heading: Living room
                  - type: thermostat
                    entity: climate.poh_living
                    features:
                      - type: climate-preset-modes
                        style: dropdown
                  - type: tile
                    entity: number.miner_power_limit
                    features: [{ type: numeric-input, style: slider }]
                  - type: statistics-graph
                    entities: [sensor.poh_energy]
                    stat_types: [change]
                    period: day
                    chart_type: bar
                    grid_options: { columns: full }
        """;

    [Fact]
    public void ValidDashboard_HasNoProblemsAndItsIdsAreCollected()
    {
        var (problems, ids) = LovelaceSchema.Check(Valid);

        Assert.Empty(problems);
        Assert.Equal(["climate.poh_living", "number.miner_power_limit", "sensor.poh_energy"], ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("            heading: Living room", "            heading: Living room\n            colour: red", "unknown key `colour`")]
    [InlineData("type: thermostat", "type: thermostatt", "unknown card type `thermostatt`")]
    [InlineData("            entity: climate.poh_living", "            entity: Living room", "needs an entity id")]
    [InlineData("type: numeric-input", "type: toggle", "feature toggle does not apply to number.miner_power_limit")]
    [InlineData("chart_type: bar", "chart_type: pie", "chart_type `pie`")]
    [InlineData("columns: full", "columns: 13", "not 1–12 or full")]
    [InlineData("    type: sections", "    type: masonry", "type must be sections")]
    [InlineData("      - type: grid", "      - type: grid\n        title: Old", "unknown key `title`")]
    public void BadCard_Fails(string original, string replacement, string problem)
    {
        Assert.Contains(original, Valid, StringComparison.Ordinal);
        var (problems, _) = LovelaceSchema.Check(Valid.Replace(original, replacement, StringComparison.Ordinal));

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void SectionWithoutCards_Fails()
    {
        var (problems, _) = LovelaceSchema.Check("views:\n  - title: x\n    type: sections\n    sections:\n      - type: grid\n");

        Assert.Contains(problems, p => p.Contains("no cards", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Living room", "living_room")]
    [InlineData("Antminer S19j Pro Active", "antminer_s19j_pro_active")]
    [InlineData("Вентилятор-майнер Power", "ventiliator_mainer_power")]
    [InlineData("Детская", "detskaia")]
    [InlineData("Café 1,000 W", "cafe_1000_w")]
    [InlineData("Bob's  --  heater!", "bobs_heater")]
    [InlineData("!!!", "unknown")]
    public void Slugify_AsHomeAssistant(string text, string slug) => Assert.Equal(slug, HaSlug.Slugify(text));

    [Theory]
    [InlineData("Гостиная", "gostinaya", "Гостиная")]
    [InlineData("Living room", "living_room", "Гостиная")]
    [InlineData(null, "office-2", "Кабинет")]
    [InlineData("Kids' room", "kids", "Детская")]
    [InlineData("Zone A", "zone_a", "Зона 3")]
    public void RussianRoom_CyrillicKeptWordTranslatedElseNumbered(string? name, string id, string russian) =>
        Assert.Equal(russian, RussianNames.Zone(name, id, 3));
}

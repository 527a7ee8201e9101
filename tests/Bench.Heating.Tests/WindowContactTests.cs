using ProofOfHeat.Bench.Heating.Runner;
using ProofOfHeat.Bench.Heating.Scenarios;
using ProofOfHeat.Bench.Heating.Strategies;
using ProofOfHeat.Sim.Heating.Boundary;

namespace ProofOfHeat.Bench.Heating.Tests;

/// <summary>Window contacts (<c>plant.window_contacts</c>): the opening is visible, and a strategy that reads it is asked at once.</summary>
public sealed class WindowContactTests
{
    private static Scenario WithOneOpening(bool contacts)
    {
        var s = ScenarioCatalog.Create("P2", TariffKind.T3, "B", "mid", ForecastErrorLevel.Deterministic);
        var d = s.Definition with { WarmUp = TimeSpan.FromDays(1), Test = TimeSpan.FromDays(1) };
        d = d with { Windows = [new WindowOpening(d.TestStart + TimeSpan.FromMinutes(127), TimeSpan.FromMinutes(10), 500)] };
        var scenario = s with { Definition = d };
        return contacts ? BenchProgram.WithPlant(scenario, "window_contacts=1") : scenario;
    }

    [Fact]
    public void A_contact_reader_is_asked_when_the_window_opens_and_closes_and_sees_it()
    {
        var reader = new ContactRecorder();
        BenchRun.Run(WithOneOpening(contacts: true), reader);
        var opening = WithOneOpening(true).Definition.Windows[0].Start;
        Assert.Contains(reader.Seen, o => o.Now == opening && o.WindowOpen == true);
        Assert.Contains(reader.Seen, o => o.Now == opening + TimeSpan.FromMinutes(10) && o.WindowOpen == false);
        Assert.All(reader.Seen.Where(o => o.Now < opening), o => Assert.False(o.WindowOpen));
    }

    [Fact]
    public void Without_contacts_nothing_is_seen_and_a_strategy_that_reads_none_keeps_its_schedule()
    {
        var blind = new ContactRecorder();
        BenchRun.Run(WithOneOpening(contacts: false), blind);
        Assert.All(blind.Seen, o => Assert.Null(o.WindowOpen));
        Assert.All(blind.Seen, o => Assert.Equal(0, o.Now.Minute % 15));

        var plain = new Recorder();
        BenchRun.Run(WithOneOpening(contacts: true), plain);
        Assert.All(plain.Seen, o => Assert.Equal(0, o.Now.Minute % 15));
        Assert.Contains(plain.Seen, o => o.WindowOpen == true);
    }

    private class Recorder : IHeatingStrategy
    {
        public List<StrategyObservation> Seen { get; } = [];

        public string Name => "REC";

        public TimeSpan DecisionInterval => TimeSpan.FromMinutes(15);

        public void Prepare(StrategySetup setup)
        {
        }

        public StrategyDecision Decide(StrategyObservation observation)
        {
            Seen.Add(observation);
            return new StrategyDecision([]);
        }
    }

    private sealed class ContactRecorder : Recorder, IReadsWindowContacts;
}

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class HeatingDecisionJournalTests
{
    private static HeatingDecision At(int minute) =>
        new(new DateTimeOffset(2026, 1, 5, 6, minute, 0, TimeSpan.Zero), "z", 20, 0, 21, 0.5, 1000, "TPI 50%");

    [Fact]
    public void Record_OverCapacity_KeepsLatest()
    {
        using var journal = new HeatingDecisionJournal(capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            journal.Record(At(i));
        }

        Assert.Equal([At(2), At(3), At(4)], journal.Latest(10));
        Assert.Equal([At(3), At(4)], journal.Latest(2));
    }

    [Fact]
    public void Record_Subscribed_ObserverSeesEachDecision()
    {
        using var journal = new HeatingDecisionJournal();
        var seen = new List<HeatingDecision>();
        using var subscription = journal.Recorded.Subscribe(seen.Add);
        journal.Record(At(1));
        journal.Record(At(2));
        Assert.Equal([At(1), At(2)], seen);
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrow()
    {
        var journal = new HeatingDecisionJournal();
        journal.Dispose();
        journal.Dispose();
        Assert.Throws<ObjectDisposedException>(() => journal.Record(At(1)));
    }
}

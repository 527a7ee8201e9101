using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ProofOfHeat.Drivers.HeatSources.SgReady;

namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.SgReady;

public sealed class SgReadySwitchPlanTests
{
    [Theory]
    [InlineData(false, false, SgReadyState.Normal)]
    [InlineData(true, false, SgReadyState.Blocked)]
    [InlineData(false, true, SgReadyState.Recommended)]
    [InlineData(true, true, SgReadyState.Forced)]
    public void Contacts_MapToTheBwpStates(bool contact1, bool contact2, SgReadyState state)
    {
        Assert.Equal(state, new SgReadyContacts(contact1, contact2).State);
        Assert.Equal(new SgReadyContacts(contact1, contact2), SgReadyContacts.For(state));
    }

    [Theory]
    [InlineData(SgReadyState.Blocked, SgReadyState.Recommended, SgReadyState.Normal)]
    [InlineData(SgReadyState.Recommended, SgReadyState.Blocked, SgReadyState.Normal)]
    [InlineData(SgReadyState.Normal, SgReadyState.Forced, SgReadyState.Recommended)]
    [InlineData(SgReadyState.Forced, SgReadyState.Normal, SgReadyState.Recommended)]
    public void BothContactsChanging_PassThroughAnAdvisoryState(SgReadyState from, SgReadyState to, SgReadyState through)
    {
        var steps = SgReadySwitchPlan.Steps(SgReadyContacts.For(from), to);

        Assert.Equal([SgReadyContacts.For(through), SgReadyContacts.For(to)], steps);
    }

    [Property]
    public Property AnyChange_OneContactPerStep_NoForbiddenStop_EndsAtTheTarget(bool contact1, bool contact2, PositiveInt target)
    {
        var from = new SgReadyContacts(contact1, contact2);
        var to = (SgReadyState)(((target.Get - 1) % 4) + 1);
        var steps = SgReadySwitchPlan.Steps(from, to);
        var path = new[] { from }.Concat(steps).ToList();
        var oneAtATime = path.Zip(path.Skip(1)).All(p => (p.First.Contact1 != p.Second.Contact1) ^ (p.First.Contact2 != p.Second.Contact2));
        var safeStops = steps.Take(steps.Count - 1).All(SgReadySwitchPlan.IsSafeStop);
        var ends = path[^1] == SgReadyContacts.For(to);
        return (oneAtATime && safeStops && ends && steps.Count <= 2).ToProperty();
    }
}

using ProofOfHeat.Apps.Alarm.Policy;
using ProofOfHeat.Apps.Alarm.Tests.Support;

namespace ProofOfHeat.Apps.Alarm.Tests.Policy;

/// <summary>The intrusion state machine on fake instants: delays, sensors per mode, codes and the lockout.</summary>
public sealed class AlarmPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);
    private static readonly Func<string, bool> AllClosed = _ => false;

    [Fact]
    public void ArmAway_RunsTheExitDelay_ThenArms()
    {
        var policy = new AlarmPolicy(AlarmConfigs.House());

        var arm = policy.Arm(AlarmMode.Away, null, AllClosed, T0);
        var early = policy.Tick(T0.AddSeconds(59));
        var due = policy.Tick(T0.AddSeconds(60));

        Assert.Equal(("arming", T0.AddSeconds(60)), (arm.After.HaState, arm.After.Until));
        Assert.False(early.Changed);
        Assert.Equal("armed_away", due.After.HaState);
        Assert.Null(due.After.Until);
    }

    [Fact]
    public void SensorsDuringTheExitDelay_AreNotWatched()
    {
        var policy = new AlarmPolicy(AlarmConfigs.House());
        policy.Arm(AlarmMode.Away, null, AllClosed, T0);

        var door = policy.SensorOpened(AlarmConfigs.FrontDoor, T0.AddSeconds(5));
        var motion = policy.SensorOpened(AlarmConfigs.HallMotion, T0.AddSeconds(6));

        Assert.False(door.Changed || motion.Changed);
        Assert.Equal(AlarmPhase.Arming, policy.Status.Phase);
    }

    [Fact]
    public void DelayedSensor_StartsTheEntryDelay_ThenTriggersWithSirenAndAlert()
    {
        var policy = Armed(AlarmMode.Away);

        var pending = policy.SensorOpened(AlarmConfigs.FrontDoor, T0.AddMinutes(10));
        var stillPending = policy.Tick(T0.AddMinutes(10).AddSeconds(29));
        var triggered = policy.Tick(T0.AddMinutes(10).AddSeconds(30));

        Assert.Equal(("pending", AlarmConfigs.FrontDoor), (pending.After.HaState, pending.After.Cause));
        Assert.Empty(pending.Effects);
        Assert.False(stillPending.Changed);
        Assert.Equal("triggered", triggered.After.HaState);
        Assert.Equal([AlarmEffect.SirenOn, AlarmEffect.RaiseIntrusionAlert], triggered.Effects);
        Assert.Equal(AlarmConfigs.FrontDoor, triggered.After.Cause);
    }

    [Fact]
    public void InstantSensor_TriggersAtOnce_EvenDuringTheEntryDelay()
    {
        var policy = Armed(AlarmMode.Away);
        policy.SensorOpened(AlarmConfigs.FrontDoor, T0.AddMinutes(10));

        var motion = policy.SensorOpened(AlarmConfigs.HallMotion, T0.AddMinutes(10).AddSeconds(3));

        Assert.Equal(("triggered", AlarmConfigs.HallMotion), (motion.After.HaState, motion.After.Cause));
        Assert.Equal([AlarmEffect.SirenOn, AlarmEffect.RaiseIntrusionAlert], motion.Effects);
    }

    [Fact]
    public void SensorsOfOtherModes_AreIgnored()
    {
        var policy = Armed(AlarmMode.Home); // home watches the door and the window, not the hall motion

        var motion = policy.SensorOpened(AlarmConfigs.HallMotion, T0.AddMinutes(1));
        var window = policy.SensorOpened(AlarmConfigs.LivingWindow, T0.AddMinutes(2));

        Assert.False(motion.Changed);
        Assert.Equal("triggered", window.After.HaState);
    }

    [Fact]
    public void DisarmDuringTheEntryDelay_WithTheCode_PreventsTheTrigger()
    {
        var policy = Armed(AlarmMode.Away, code: "2580");
        policy.SensorOpened(AlarmConfigs.FrontDoor, T0.AddMinutes(10));

        var wrong = policy.Disarm("2581", T0.AddMinutes(10).AddSeconds(10));
        var right = policy.Disarm("2580", T0.AddMinutes(10).AddSeconds(12));
        var later = policy.Tick(T0.AddMinutes(11));

        Assert.Equal(("wrong code", "pending"), (wrong.Refusal, wrong.After.HaState));
        Assert.Equal("disarmed", right.After.HaState);
        Assert.Empty(right.Effects); // nothing sounded, nothing to silence
        Assert.False(later.Changed);
    }

    [Fact]
    public void DisarmWhenTriggered_SilencesAndResolves()
    {
        var policy = Armed(AlarmMode.Away, code: "2580");
        policy.SensorOpened(AlarmConfigs.LivingWindow, T0.AddMinutes(10));

        var disarm = policy.Disarm("2580", T0.AddMinutes(11));

        Assert.Equal("disarmed", disarm.After.HaState);
        Assert.Equal([AlarmEffect.SirenOff, AlarmEffect.ResolveIntrusionAlert], disarm.Effects);
    }

    [Fact]
    public void AfterTheTriggerTime_TheAlarmReArmsWithTheSirensOff()
    {
        var policy = Armed(AlarmMode.Night);
        policy.SensorOpened(AlarmConfigs.HallMotion, T0.AddHours(1));

        var rearmed = policy.Tick(T0.AddHours(1).AddMinutes(5));

        Assert.Equal("armed_night", rearmed.After.HaState);
        Assert.Equal([AlarmEffect.SirenOff], rearmed.Effects);
    }

    [Fact]
    public void Arming_IsRefused_WithAnOpenSensorOfTheMode()
    {
        var policy = new AlarmPolicy(AlarmConfigs.House());

        var refused = policy.Arm(AlarmMode.Away, null, id => id == AlarmConfigs.LivingWindow, T0);

        Assert.False(refused.Accepted);
        Assert.Equal($"open: {AlarmConfigs.LivingWindow}", refused.Refusal);
        Assert.Equal("disarmed", policy.Status.HaState);
    }

    [Theory]
    [InlineData(false, null, "armed_home")]
    [InlineData(true, null, "disarmed")]
    [InlineData(true, "1111", "disarmed")]
    [InlineData(true, "2580", "armed_home")]
    public void CodeToArm_IsCheckedOnlyWhenRequired(bool codeToArm, string? code, string expected)
    {
        var policy = new AlarmPolicy(AlarmConfigs.House("2580", codeToArm));

        var arm = policy.Arm(AlarmMode.Home, code, AllClosed, T0);

        Assert.Equal(expected, arm.After.HaState);
    }

    [Fact]
    public void WithoutACode_DisarmNeedsNone()
    {
        var policy = Armed(AlarmMode.Away);

        Assert.Equal("disarmed", policy.Disarm(null, T0.AddMinutes(5)).After.HaState);
    }

    [Fact]
    public void TooManyWrongCodes_LockCodesOut_EvenTheRightOne_UntilTheLockoutEnds()
    {
        var policy = Armed(AlarmMode.Away, code: "2580");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("wrong code", policy.Disarm($"000{i}", T0.AddMinutes(1)).Refusal);
        }

        var locked = policy.Disarm("2580", T0.AddMinutes(2));
        var after = policy.Disarm("2580", T0.AddMinutes(6).AddSeconds(1));

        Assert.StartsWith("too many wrong codes", locked.Refusal, StringComparison.Ordinal);
        Assert.Equal("armed_away", locked.After.HaState);
        Assert.Equal("disarmed", after.After.HaState);
    }

    [Fact]
    public void ReArming_IsRefused_WhilePendingOrTriggered()
    {
        var policy = Armed(AlarmMode.Away);
        policy.SensorOpened(AlarmConfigs.FrontDoor, T0.AddMinutes(1));

        var rearm = policy.Arm(AlarmMode.Home, null, AllClosed, T0.AddMinutes(1).AddSeconds(5));

        Assert.Equal(("pending", "the alarm is pending: disarm first"), (rearm.After.HaState, rearm.Refusal));
    }

    [Fact]
    public void UnconfiguredMode_IsRefused()
    {
        var policy = new AlarmPolicy(AlarmConfigs.House());

        Assert.Equal("mode vacation is not configured", policy.Arm(AlarmMode.Vacation, null, AllClosed, T0).Refusal);
    }

    [Fact]
    public void PanelTrigger_SoundsEvenWhenDisarmed()
    {
        var policy = new AlarmPolicy(AlarmConfigs.House());

        var panic = policy.Trigger("panel", T0);
        var over = policy.Tick(T0.AddMinutes(5));

        Assert.Equal(("triggered", "panel"), (panic.After.HaState, panic.After.Cause));
        Assert.Equal("disarmed", over.After.HaState);
        Assert.Equal([AlarmEffect.SirenOff], over.Effects);
    }

    [Theory]
    [InlineData("armed_night", "armed_night")]
    [InlineData("armed_vacation", "disarmed")] // not configured
    [InlineData("triggered", "disarmed")]
    [InlineData(null, "disarmed")]
    public void Restore_TakesUpAnArmedModeFromHa(string? haState, string expected)
    {
        var policy = new AlarmPolicy(AlarmConfigs.House());

        policy.Restore(haState);

        Assert.Equal(expected, policy.Status.HaState);
    }

    private static AlarmPolicy Armed(AlarmMode mode, string code = "")
    {
        var policy = new AlarmPolicy(AlarmConfigs.House(code));
        policy.Arm(mode, null, AllClosed, T0);
        policy.Tick(T0.AddMinutes(1));
        Assert.Equal(AlarmPhase.Armed, policy.Status.Phase);
        return policy;
    }
}

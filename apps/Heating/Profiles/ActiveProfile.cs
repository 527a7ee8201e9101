using ProofOfHeat.Apps.Heating.Schedules;

namespace ProofOfHeat.Apps.Heating.Profiles;

/// <summary>The active profile with its compiled schedule.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="Schedule">Its compiled schedule.</param>
public sealed record ActiveProfile(HeatingProfile Profile, WeeklySchedule Schedule)
{
    /// <summary>Compiles <paramref name="profile"/>.</summary>
    public static ActiveProfile Of(HeatingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ActiveProfile(profile, profile.Compile());
    }
}

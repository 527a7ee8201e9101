using System.Globalization;

namespace ProofOfHeat.Bench.Miners;

/// <summary>The bench's knobs.</summary>
/// <param name="Miners">How many simulated miners to poll.</param>
/// <param name="Rounds">How many measured poll rounds (after one warm-up round).</param>
/// <param name="Interval">The poll interval (the fleet's default).</param>
/// <param name="DetectionsPerFamily">How many detections to time per family.</param>
internal sealed record BenchSettings(int Miners, int Rounds, TimeSpan Interval, int DetectionsPerFamily)
{
    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchSettings(100, 12, TimeSpan.FromSeconds(10), 20);
        for (var i = 0; i < args.Count; i++)
        {
            settings = args[i] switch
            {
                "--quick" => settings with { Rounds = 3, DetectionsPerFamily = 5 },
                "--miners" => settings with { Miners = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--rounds" => settings with { Rounds = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown argument {args[i]}; use --quick, --miners N, --rounds N"),
            };
        }

        return settings;
    }
}

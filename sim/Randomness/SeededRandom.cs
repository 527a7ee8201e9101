namespace ProofOfHeat.Sim.Randomness;

/// <summary>
/// A small seeded generator (SplitMix64) for the simulator. We own the algorithm so that a seed
/// gives the same weather and sensor noise on every .NET version and machine; this is for
/// reproducible simulation, never for anything secret.
/// </summary>
public sealed class SeededRandom
{
    private ulong _state;
    private double? _spareGaussian;

    /// <summary>Creates a generator; equal seeds give equal sequences.</summary>
    public SeededRandom(long seed) => _state = unchecked((ulong)seed);

    /// <summary>A derived generator for one component, so adding a component never shifts another's sequence.</summary>
    public static SeededRandom For(long seed, int stream) => new(unchecked(seed * 1_000_003L + stream));

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal sample (Box–Muller, the second value is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is { } spare)
        {
            _spareGaussian = null;
            return spare;
        }

        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareGaussian = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }
}

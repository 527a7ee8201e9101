namespace ProofOfHeat.Sim.House;

/// <summary>
/// Heat delivered to the house during a step, split by node: air-side sources (miners, resistive
/// heaters, air-to-air heat pumps, internal gains) heat the air; slab heating and part of the
/// solar gain heat the mass.
/// </summary>
/// <param name="ToAir">Watts into the air node.</param>
/// <param name="ToMass">Watts into the mass node.</param>
public readonly record struct HeatInput(double ToAir, double ToMass)
{
    /// <summary>No heat.</summary>
    public static HeatInput None => default;

    /// <summary>The total, watts.</summary>
    public double Total => ToAir + ToMass;

    /// <summary>Adds two inputs node by node.</summary>
    public static HeatInput operator +(HeatInput left, HeatInput right) =>
        new(left.ToAir + right.ToAir, left.ToMass + right.ToMass);

    /// <summary>Adds two inputs node by node (named alternative to the operator).</summary>
    public static HeatInput Add(HeatInput left, HeatInput right) => left + right;
}

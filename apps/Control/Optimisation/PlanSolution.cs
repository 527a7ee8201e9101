namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// A solved dynamic programme: the cost-to-go over the (air, mass) grid at every slot boundary.
/// Because it covers every state, not just one trajectory, it is a feedback policy: the controller
/// can choose well from wherever the real house ends up (see <see cref="DpPlanner.Choose"/>).
/// </summary>
public sealed class PlanSolution
{
    internal PlanSolution(
        PlanRequest request, MixCatalog catalog, StateGrid grid, DiscreteThermalModel[] models,
        double[] designLoads, float[][] values)
    {
        Request = request;
        Catalog = catalog;
        Grid = grid;
        Models = models;
        DesignLoads = designLoads;
        Values = values;
    }

    /// <summary>The request that was solved.</summary>
    public PlanRequest Request { get; }

    /// <summary>The source combinations used.</summary>
    public MixCatalog Catalog { get; }

    /// <summary>Number of slots planned.</summary>
    public int SlotCount => Request.Slots.Count;

    internal StateGrid Grid { get; }

    internal DiscreteThermalModel[] Models { get; }

    internal double[] DesignLoads { get; }

    /// <summary>Cost-to-go at the start of each slot (index = slot, the last = the horizon's end).</summary>
    internal float[][] Values { get; }

    /// <summary>The cost-to-go at the start of <paramref name="slot"/> from (air, mass), €.</summary>
    public double ValueAt(int slot, double air, double mass) => Grid.Interpolate(Values[slot], air, mass);
}

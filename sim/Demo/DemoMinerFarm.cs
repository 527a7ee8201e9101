using System.Globalization;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Sim;
using ProofOfHeat.Sim.Miners;

namespace ProofOfHeat.Demo;

/// <summary>
/// The demo's miners: protocol simulators of three firmware families on loopback, whose hardware
/// heats the simulated house. The heating app plans them as its sources (<see cref="DemoHeating"/>) and
/// commands them through the fleet and its drivers.
/// </summary>
internal sealed class DemoMinerFarm : IAsyncDisposable
{
    /// <summary>The demo's miners: id and family.</summary>
    private static readonly (string Id, string Family)[] Members =
    [
        ("avalon_mini", "avalon"),
        ("bos_s19", "braiins-os"),
        ("luxos_s19j", "luxos"),
    ];

    private readonly MinerFarm _farm;

    private DemoMinerFarm(MinerFarm farm, IReadOnlyList<DemoMiner> miners)
    {
        _farm = farm;
        Miners = miners;
    }

    /// <summary>The miners.</summary>
    public IReadOnlyList<DemoMiner> Miners { get; }

    /// <summary>The power the miners draw now (all of it heat), W.</summary>
    public double PowerWatts => Miners.Sum(m => m.Hardware.Read().PowerWatts);

    /// <summary>Starts the simulators on <paramref name="time"/> and adds their heat to <paramref name="home"/>.</summary>
    public static DemoMinerFarm Start(TimeProvider time, SimulatedHome home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var farm = new MinerFarm(time);
        var miners = new List<DemoMiner>();
        foreach (var (id, family) in Members)
        {
            // The simulators start listening synchronously; their start tasks are complete on return.
            var miner = farm.StartAsync(family, home.House.AirTemperature).GetAwaiter().GetResult();
            home.AddHeatSource(new MinerHardwareHeatSource(id, miner.Hardware));
            miners.Add(new DemoMiner(id, miner));
        }

        return new DemoMinerFarm(farm, miners);
    }

    /// <summary>What each miner draws now, e.g. <c>avalon_mini 800 · bos_s19 2200 · luxos_s19j zz</c>.</summary>
    public string Describe() => string.Join(" · ", Miners.Select(m =>
    {
        var state = m.Hardware.Read();
        var watts = state.Phase == MinerPhase.Sleeping ? "zz" : Math.Round(state.PowerWatts).ToString("F0", CultureInfo.InvariantCulture);
        return $"{m.Id} {watts}";
    }));

    /// <summary>The fleet's options for these miners.</summary>
    public MinerFleetOptions FleetOptions() => new()
    {
        Hashprice = 0.040,
        Miners =
        [
            .. Miners.Select(m => new FleetMinerOptions
            {
                Id = m.Id,
                Name = m.Hardware.Spec.Model,
                Family = m.Farm.Family,
                Host = m.Farm.Host,
                HttpPort = m.Farm.HttpPort,
                RpcPort = m.Farm.RpcPort,
                WhatsminerV3Port = m.Farm.V3Port,
            }),
        ],
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _farm.DisposeAsync().ConfigureAwait(false);
    }
}

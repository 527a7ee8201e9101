using ProofOfHeat.Sim.Miners.Antminer;
using ProofOfHeat.Sim.Miners.Avalon;
using ProofOfHeat.Sim.Miners.Braiins;
using ProofOfHeat.Sim.Miners.LuxOs;
using ProofOfHeat.Sim.Miners.VNish;
using ProofOfHeat.Sim.Miners.Whatsminer;

namespace ProofOfHeat.Sim.Miners;

/// <summary>
/// Starts simulated miners of any family by id, each on its own loopback ports, with the family's
/// default credentials (which the drivers' defaults match). Disposing the farm stops them all.
/// </summary>
public sealed class MinerFarm : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly List<FarmMiner> _miners = [];

    /// <summary>Creates an empty farm whose miners live on <paramref name="time"/>.</summary>
    public MinerFarm(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>
    /// Every family the farm can start, by the driver family id that speaks its protocol:
    /// antminer-stock, avalon, whatsminer-v2, whatsminer-v3, braiins-os, luxos, vnish.
    /// </summary>
    public static IReadOnlyList<string> Families { get; } =
        ["antminer-stock", "avalon", "whatsminer-v2", "whatsminer-v3", "braiins-os", "luxos", "vnish"];

    /// <summary>The miners started so far.</summary>
    public IReadOnlyList<FarmMiner> Miners => _miners;

    /// <summary>Starts one miner of <paramref name="family"/>.</summary>
    /// <param name="family">One of <see cref="Families"/>.</param>
    /// <param name="intakeTemperature">The air it draws in, °C.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <exception cref="ArgumentException">The family is unknown.</exception>
    public async Task<FarmMiner> StartAsync(string family, double intakeTemperature = 20, CancellationToken cancellationToken = default)
    {
        FarmMiner miner = family switch
        {
            "antminer-stock" => await AntminerAsync(intakeTemperature, cancellationToken).ConfigureAwait(false),
            "avalon" => await AvalonAsync(intakeTemperature, cancellationToken).ConfigureAwait(false),
            "whatsminer-v2" => await WhatsminerAsync(family, WhatsminerApiGeneration.V2, intakeTemperature, cancellationToken).ConfigureAwait(false),
            "whatsminer-v3" => await WhatsminerAsync(family, WhatsminerApiGeneration.V3, intakeTemperature, cancellationToken).ConfigureAwait(false),
            "braiins-os" => await BraiinsAsync(intakeTemperature, cancellationToken).ConfigureAwait(false),
            "luxos" => await LuxOsAsync(intakeTemperature, cancellationToken).ConfigureAwait(false),
            "vnish" => await VNishAsync(intakeTemperature, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"No simulator for family '{family}'; the farm has: {string.Join(", ", Families)}.", nameof(family)),
        };
        _miners.Add(miner);
        return miner;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var miner in _miners)
        {
            await miner.Simulator.DisposeAsync().ConfigureAwait(false);
        }

        _miners.Clear();
    }

    private async Task<FarmMiner> AntminerAsync(double intake, CancellationToken cancellationToken)
    {
        var sim = new AntminerSimulator(_time, new AntminerSimulatorOptions { IntakeTemperature = intake });
        var at = await sim.StartAsync(cancellationToken).ConfigureAwait(false);
        return new FarmMiner("antminer-stock", at.Host, at.HttpPort, at.RpcPort, null, sim.Hardware, sim.Faults, sim);
    }

    private async Task<FarmMiner> AvalonAsync(double intake, CancellationToken cancellationToken)
    {
        var sim = new AvalonSimulator(_time, AvalonSimulatorOptions.Mini3 with { IntakeTemperature = intake });
        var at = await sim.StartAsync(cancellationToken).ConfigureAwait(false);
        return new FarmMiner("avalon", at.Host, at.HttpPort, at.RpcPort, null, sim.Hardware, sim.Faults, sim);
    }

    private async Task<FarmMiner> WhatsminerAsync(string family, WhatsminerApiGeneration generation, double intake, CancellationToken cancellationToken)
    {
        var sim = new WhatsminerSimulator(_time, new WhatsminerSimulatorOptions { Generation = generation, IntakeTemperature = intake });
        var at = await sim.StartAsync(cancellationToken).ConfigureAwait(false);
        return new FarmMiner(family, at.Host, at.HttpPort, at.RpcPort, at.V3Port, sim.Hardware, sim.Faults, sim);
    }

    private async Task<FarmMiner> BraiinsAsync(double intake, CancellationToken cancellationToken)
    {
        var sim = new BraiinsSimulator(_time, new BraiinsSimulatorOptions { IntakeTemperature = intake });
        var at = await sim.StartAsync(cancellationToken).ConfigureAwait(false);
        return new FarmMiner("braiins-os", at.Host, at.HttpPort, null, null, sim.Hardware, sim.Faults, sim);
    }

    private async Task<FarmMiner> LuxOsAsync(double intake, CancellationToken cancellationToken)
    {
        var sim = new LuxOsSimulator(_time, new LuxOsSimulatorOptions { IntakeTemperature = intake });
        var at = await sim.StartAsync(cancellationToken).ConfigureAwait(false);
        return new FarmMiner("luxos", at.Host, at.HttpPort, at.RpcPort, null, sim.Hardware, sim.Faults, sim);
    }

    private async Task<FarmMiner> VNishAsync(double intake, CancellationToken cancellationToken)
    {
        var sim = new VNishSimulator(_time, new VNishSimulatorOptions { IntakeTemperature = intake });
        var at = await sim.StartAsync(cancellationToken).ConfigureAwait(false);
        return new FarmMiner("vnish", at.Host, at.HttpPort, null, null, sim.Hardware, sim.Faults, sim);
    }
}

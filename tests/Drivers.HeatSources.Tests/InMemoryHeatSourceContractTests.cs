using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.TestKit.HeatSources;

namespace ProofOfHeat.Drivers.HeatSources.Tests;

/// <summary>The contract tests against the in-memory source: proves the driver base and the tests themselves.</summary>
public sealed class InMemoryHeatSourceContractTests : HeatSourceContractTests
{
    protected override Task<HeatSourceRig> StartRigAsync() => Task.FromResult<HeatSourceRig>(new Rig());

    private sealed class Rig : HeatSourceRig
    {
        private readonly InMemoryHeatSource _source = new();

        public Rig() => Driver = new InMemoryHeatSourceDriver(_source, new HeatSourceDriverContext(Clock, Timeouts, NullLoggerFactory.Instance));

        public override IHeatSourceDriver Driver { get; }

        public override int CommandsReceived => _source.CommandsReceived;

        public override void IgnoreCommands() => _source.Ignoring = true;

        public override void RefuseCommands() => _source.Refusing = true;

        public override void GoSilent() => _source.Silent = true;

        protected override ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
    }
}

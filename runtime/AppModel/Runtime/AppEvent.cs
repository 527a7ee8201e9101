using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;

namespace ProofOfHeat.AppModel.Runtime;

/// <summary>One item of an app's queue: a state change or another event, kept in one queue so their order holds.</summary>
internal readonly record struct AppEvent(StateChange? Change, HomeEvent? Event);

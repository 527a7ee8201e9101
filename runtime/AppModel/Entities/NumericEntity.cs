namespace ProofOfHeat.AppModel.Entities;

/// <summary>An entity whose state is a number (sensors, numbers, input_numbers).</summary>
public sealed class NumericEntity(IHaContext context, string entityId) : Entity(context, entityId)
{
    /// <summary>The state as a number, or <see langword="null"/> when unavailable or not numeric.</summary>
    public double? Value => EntityState?.AsNumber();

    /// <summary>The unit of measurement attribute, if any.</summary>
    public string? Unit => EntityState?.Attribute("unit_of_measurement")?.GetString();
}

namespace ProofOfHeat.Host.HaSide;

/// <summary>One daily time-of-use rate: from and to as <c>HH:MM</c> (to may be <c>24:00</c>), price per kWh.</summary>
internal sealed record TariffRateView(string From, string To, double Price);

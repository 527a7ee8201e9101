namespace ProofOfHeat.Control.Optimisation;

/// <summary>
/// Fits a <see cref="ThermalModel"/> to observed history by output-error least squares: the model is
/// simulated from the measured heat, weather and its own initial state, and Levenberg–Marquardt
/// minimises the squared gap between its air temperature and the room reports. Output error (not
/// equation error) keeps the fit unbiased under sensor quantisation and noise; a weak prior towards
/// <see cref="ThermalModel.InitialGuess"/> keeps poorly excited directions from drifting.
/// </summary>
public static class ModelIdentifier
{
    private const int ParameterCount = 8;
    private const double PriorWeight = 0.3;
    private const double GainScale = 100;

    /// <summary>Fits the model to <paramref name="samples"/>, spaced <paramref name="interval"/> apart.</summary>
    /// <param name="samples">The history, oldest first.</param>
    /// <param name="interval">Spacing of the samples.</param>
    /// <param name="blockSize">Samples averaged into one simulation step (fewer steps, less noise).</param>
    /// <param name="maxIterations">Levenberg–Marquardt iteration cap.</param>
    public static IdentificationResult Fit(
        IReadOnlyList<IdentificationSample> samples, TimeSpan interval, int blockSize = 5, int maxIterations = 40)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        var blocks = Aggregate(samples, blockSize);
        var measured = blocks.Count(b => b.RoomTemperature is not null);
        if (measured < ParameterCount * 4)
        {
            throw new ArgumentException("Too little history with room readings to identify a model.", nameof(samples));
        }

        var step = interval * blockSize;
        var initialAir = blocks.First(b => b.RoomTemperature is not null).RoomTemperature!.Value;
        var prior = Encode(ThermalModel.InitialGuess, initialAir);
        var theta = (double[])prior.Clone();
        var residuals = Residuals(theta, prior, blocks, step, initialAir);
        var cost = SumOfSquares(residuals);
        var lambda = 1e-2;
        var iterations = 0;
        for (; iterations < maxIterations; iterations++)
        {
            var jacobian = Jacobian(theta, prior, blocks, step, initialAir, residuals);
            var (normal, gradient) = NormalEquations(jacobian, residuals);
            var improved = false;
            while (lambda < 1e8)
            {
                var damped = (double[,])normal.Clone();
                for (var i = 0; i < ParameterCount; i++)
                {
                    damped[i, i] += lambda * (normal[i, i] + 1e-9);
                }

                var delta = LinearAlgebra.Solve(damped, gradient);
                if (delta is null)
                {
                    lambda *= 10;
                    continue;
                }

                var candidate = new double[ParameterCount];
                for (var i = 0; i < ParameterCount; i++)
                {
                    candidate[i] = Math.Clamp(theta[i] - delta[i], prior[i] - 3, prior[i] + 3);
                }

                candidate[7] = theta[7] - delta[7];
                var candidateResiduals = Residuals(candidate, prior, blocks, step, initialAir);
                var candidateCost = SumOfSquares(candidateResiduals);
                if (candidateCost < cost)
                {
                    var relative = (cost - candidateCost) / cost;
                    theta = candidate;
                    residuals = candidateResiduals;
                    cost = candidateCost;
                    lambda = Math.Max(lambda / 10, 1e-9);
                    improved = relative > 1e-7;
                    break;
                }

                lambda *= 10;
            }

            if (!improved)
            {
                break;
            }
        }

        var model = Decode(theta);
        var (air, mass, sse, count) = Simulate(model, theta[7], blocks, step, initialAir);
        return new IdentificationResult(model, air, mass, Math.Sqrt(sse / Math.Max(1, count)), iterations);
    }

    private static double[] Encode(ThermalModel m, double initialAir) =>
    [
        Math.Log(m.AirCapacity), Math.Log(m.MassCapacity), Math.Log(m.AirToMass),
        Math.Log(m.AirToOutdoor), Math.Log(m.MassToOutdoor), m.SolarAperture, m.InternalGainsWatts / GainScale, initialAir,
    ];

    private static ThermalModel Decode(double[] t) => new()
    {
        AirCapacity = Math.Exp(t[0]),
        MassCapacity = Math.Exp(t[1]),
        AirToMass = Math.Exp(t[2]),
        AirToOutdoor = Math.Exp(t[3]),
        MassToOutdoor = Math.Exp(t[4]),
        SolarAperture = t[5],
        InternalGainsWatts = t[6] * GainScale,
    };

    private static double[] Residuals(double[] theta, double[] prior, List<IdentificationSample> blocks, TimeSpan step, double initialAir)
    {
        var model = Decode(theta);
        var discrete = new DiscreteThermalModel(model, step);
        var list = new List<double>(blocks.Count + ParameterCount);
        var air = initialAir;
        var mass = theta[7];
        foreach (var block in blocks)
        {
            var gain = block.HeatToAirWatts + (model.SolarAperture * block.SolarIrradiance) + model.InternalGainsWatts;
            (air, mass) = discrete.Next(air, mass, gain, block.HeatToMassWatts, block.OutdoorTemperature);
            if (block.RoomTemperature is { } room)
            {
                list.Add(room - air);
            }
        }

        // The prior only on the conductances and capacities: the others are well identified by the data.
        for (var i = 0; i < 5; i++)
        {
            list.Add(PriorWeight * (theta[i] - prior[i]));
        }

        return [.. list];
    }

    private static (double Air, double Mass, double SumOfSquares, int Count) Simulate(
        ThermalModel model, double initialMass, List<IdentificationSample> blocks, TimeSpan step, double initialAir)
    {
        var discrete = new DiscreteThermalModel(model, step);
        var air = initialAir;
        var mass = initialMass;
        var sse = 0.0;
        var count = 0;
        foreach (var block in blocks)
        {
            var gain = block.HeatToAirWatts + (model.SolarAperture * block.SolarIrradiance) + model.InternalGainsWatts;
            (air, mass) = discrete.Next(air, mass, gain, block.HeatToMassWatts, block.OutdoorTemperature);
            if (block.RoomTemperature is { } room)
            {
                sse += (room - air) * (room - air);
                count++;
            }
        }

        return (air, mass, sse, count);
    }

    private static double[][] Jacobian(
        double[] theta, double[] prior, List<IdentificationSample> blocks, TimeSpan step, double initialAir, double[] residuals)
    {
        var columns = new double[ParameterCount][];
        for (var j = 0; j < ParameterCount; j++)
        {
            var shifted = (double[])theta.Clone();
            var h = j < 5 ? 1e-4 : 1e-3;
            shifted[j] += h;
            var r = Residuals(shifted, prior, blocks, step, initialAir);
            var column = new double[r.Length];
            for (var i = 0; i < r.Length; i++)
            {
                column[i] = (r[i] - residuals[i]) / h;
            }

            columns[j] = column;
        }

        return columns;
    }

    private static (double[,] Normal, double[] Gradient) NormalEquations(double[][] columns, double[] residuals)
    {
        var normal = new double[ParameterCount, ParameterCount];
        var gradient = new double[ParameterCount];
        for (var a = 0; a < ParameterCount; a++)
        {
            for (var b = a; b < ParameterCount; b++)
            {
                var sum = 0.0;
                for (var i = 0; i < residuals.Length; i++)
                {
                    sum += columns[a][i] * columns[b][i];
                }

                normal[a, b] = sum;
                normal[b, a] = sum;
            }

            var g = 0.0;
            for (var i = 0; i < residuals.Length; i++)
            {
                g += columns[a][i] * residuals[i];
            }

            gradient[a] = g;
        }

        return (normal, gradient);
    }

    private static double SumOfSquares(double[] residuals) => residuals.Sum(r => r * r);

    private static List<IdentificationSample> Aggregate(IReadOnlyList<IdentificationSample> samples, int blockSize)
    {
        var blocks = new List<IdentificationSample>(samples.Count / blockSize + 1);
        for (var start = 0; start + blockSize <= samples.Count; start += blockSize)
        {
            double outdoor = 0, solar = 0, air = 0, mass = 0;
            for (var i = start; i < start + blockSize; i++)
            {
                var s = samples[i];
                outdoor += s.OutdoorTemperature;
                solar += s.SolarIrradiance;
                air += s.HeatToAirWatts;
                mass += s.HeatToMassWatts;
            }

            // The reading is compared with the model's state at the block's end, so only a report
            // present in the block's last sample counts.
            var last = samples[start + blockSize - 1].RoomTemperature;
            blocks.Add(new IdentificationSample(last, outdoor / blockSize, solar / blockSize, air / blockSize, mass / blockSize));
        }

        return blocks;
    }
}

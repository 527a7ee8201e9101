using System.Globalization;

namespace ProofOfHeat.Bench.Mqtt;

/// <summary>Resident memory of a process from <c>/proc/PID/status</c>: VmRSS now and VmHWM, the peak.</summary>
internal readonly record struct ProcessMemory(double RssMegabytes, double PeakRssMegabytes)
{
    public static ProcessMemory Read(int processId)
    {
        double rss = double.NaN, peak = double.NaN;
        foreach (var line in File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) / 1024.0;
            }
        }

        return new ProcessMemory(rss, peak);
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

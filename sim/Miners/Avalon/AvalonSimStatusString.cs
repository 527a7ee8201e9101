using System.Globalization;
using System.Text;

namespace ProofOfHeat.Sim.Miners.Avalon;

/// <summary>
/// Builds the <c>MM ID0</c> status string: <c>Key[value]</c> tokens separated by spaces, lists
/// space-separated inside the brackets (pyasic's Avalon backend).
/// </summary>
internal static class AvalonSimStatusString
{
    /// <summary>The status string for the miner in state <paramref name="s"/>.</summary>
    public static string Build(AvalonSimulator miner, MinerHardwareState s)
    {
        var spec = miner.Options.Hardware;
        var off = miner.SoftOff;
        var gigahash = s.HashrateTerahash * 1000;
        var chip = (int)Math.Round(s.ChipTemperature);
        var board = (int)Math.Round(s.BoardTemperature);
        var wall = (int)Math.Round(s.PowerWatts);
        var fanPercent = (int)Math.Round(100.0 * s.FanRpm / spec.FanMaximumRpm);
        var text = new StringBuilder();
        void Token(string key, FormattableString value) => text.Append(key).Append('[').Append(value.ToString(CultureInfo.InvariantCulture)).Append("] ");

        Token("Ver", $"{miner.Options.Firmware}");
        Token("DNA", $"020100008c699117");
        Token("MEMFREE", $"1392832");
        Token("NETFAIL", $"0 0 0 0 0 0 0 0");
        Token("SYSTEMSTATU", $"Work: {(off ? "In Idle" : "In Work")}, Hash Board: {spec.HashboardCount} ");
        Token("Elapsed", $"{(long)s.Uptime.TotalSeconds}");
        Token("BOOTBY", $"0x04.00000000");
        Token("LW", $"{(long)(s.Uptime.TotalSeconds * 12)}");
        Token("MH", $"0");
        Token("DHW", $"0");
        Token("HW", $"0");
        Token("DH", $"0.000%");
        var intake = (int)Math.Round(miner.Hardware.IntakeTemperature);
        if (miner.Options.HasWorkModes)
        {
            // The Nano 3S / Mini 3 status string: ITemp (-273 without an inlet sensor) and OTemp, the warm outlet.
            Token("ITemp", $"{(miner.Options.HasInletSensor ? intake : -273)}");
            Token("OTemp", $"{(int)Math.Round(intake + ((s.BoardTemperature - intake) * 0.6))}");
        }
        else
        {
            Token("Temp", $"{intake}");
        }

        Token("TMax", $"{chip}");
        Token("TAvg", $"{chip - 2}");
        Token("TarT", $"85");
        for (var f = 1; f <= spec.FanCount; f++)
        {
            Token("Fan" + f.ToString(CultureInfo.InvariantCulture), $"{s.FanRpm}");
        }

        Token("FanR", $"{fanPercent}%");
        Token("Vo", $"296");
        if (miner.Options.HasWorkModes)
        {
            // PS[0 0 <mV> <A> 0 <raw> <W>]: the watts the Nano 3S / Mini 3 measure are the last number (a Nano 3S dump
            // reads PS[0 0 27541 4 0 3756 133]; pyasic's Nano 3S backend reads PS[6]).
            Token("PS", $"0 0 27541 {(wall * 1000 / 27541) + 1} 0 {wall * 28} {wall}");
        }
        else
        {
            // The original Nano 3's PS as its public dump shows it; what its numbers mean is not documented.
            Token("PS", $"0 0 0 3 2792 89 324");
        }

        if (miner.Options.ReportsWallPower)
        {
            Token("WALLPOWER", $"{wall}");
        }

        Token("GHSspd", $"{gigahash:0.00}");
        Token("DHspd", $"0.000%");
        Token("GHSmm", $"{(off ? 0 : miner.Options.LevelWatts[miner.PowerSetting] / spec.JoulesPerTerahash * 1000):0.00}");
        Token("GHSavg", $"{gigahash:0.00}");
        Token("WU", $"{gigahash * 13.9:0.00}");
        Token("Freq", $"{(s.HashrateTerahash > 0 ? 345.94 : 0):0.00}");
        Token("Led", $"0");
        Token("MGHS", $"{gigahash:0.00}");
        Token("MTmax", $"{chip}");
        Token("MTavg", $"{board}");
        Token("TA", $"160");
        Token("Core", $"A3197S");
        Token("PING", $"131");
        Token("POWS", $"0");
        Token("HASHS", $"0");
        Token("POOLS", $"0");
        Token("SoftOFF", $"{(off ? 1 : 0)}");
        Token("ECHU", $"0");
        Token("ECMM", $"0");
        if (miner.WorkMode is { } mode)
        {
            Token("WORKMODE", $"{mode}");
        }

        Token("WORKLEVEL", $"{miner.WorkLevel}");
        Token("MPO", $"{miner.Options.LevelWatts[miner.PowerSetting]}");
        return text.ToString().TrimEnd();
    }
}

namespace ProofOfHeat.Drivers.Miners.Antminer.Tests;

/// <summary>Example replies in the shapes of pyasic's bmminer fixtures and its stock-Antminer web API.</summary>
internal static class ResearchExamples
{
    /// <summary>1a. <c>summary</c>, Antminer S19 Pro, stock bmminer (with its trailing NUL).</summary>
    public const string Summary1a = """
        {"STATUS":[{"STATUS":"S","When":1755615295,"Code":11,"Msg":"Summary","Description":"cgminer 1.0.0"}],
         "SUMMARY":[{"Elapsed":50474,"GHS 5s":110566.89,"GHS av":111834.85,"GHS 30m":111878.26,
           "Found Blocks":0,"Getwork":3957,"Accepted":4057,"Rejected":11,"Hardware Errors":562,
           "Utility":4.82,"Discarded":4528177,"Stale":1,"Get Failures":1,"Local Work":4532155,
           "Remote Failures":0,"Network Blocks":82,"Total MH":5643633754730.0,"Work Utility":1554353.85,
           "Difficulty Accepted":1305083904.0,"Difficulty Rejected":2490368.0,"Difficulty Stale":0.0,
           "Best Share":12904207043,"Device Hardware%":0.0,"Device Rejected%":0.0,
           "Pool Rejected%":0.0,"Pool Stale%":0.0,"Last getwork":1755615295}],
         "id":1}
        """ + "\0";

    /// <summary>1b. <c>stats</c>, Antminer S19 Pro.</summary>
    public const string Stats1b = """
        {"STATUS":[{"STATUS":"S","When":1755615295,"Code":70,"Msg":"CGMiner stats","Description":"cgminer 1.0.0"}],
         "STATS":[
          {"BMMiner":"1.0.0","Miner":"49.0.1.3","CompileTime":"Tue Dec  6 16:12:30 CST 2022","Type":"Antminer S19 Pro"},
          {"STATS":0,"ID":"BTM_SOC0","Elapsed":50474,"Calls":0,"Wait":0,"Max":0,"Min":99999999,
           "GHS 5s":110566.89,"GHS av":111834.63,"rate_30m":111878.26,"Mode":2,"miner_count":3,
           "frequency":525,"fan_num":4,"fan1":6000,"fan2":5880,"fan3":5040,"fan4":5040,
           "temp_num":3,"temp1":73,"temp2":66,"temp3":64,"temp2_1":78,"temp2_2":71,"temp2_3":69,
           "temp_pcb1":"73-45-64-65","temp_pcb2":"47-50-65-66","temp_pcb3":"46-44-64-63","temp_pcb4":"0-0-0-0",
           "temp_chip1":"78-50-69-70","temp_chip2":"52-55-70-71","temp_chip3":"51-49-69-68","temp_chip4":"0-0-0-0",
           "temp_pic1":"63-35-54-55","temp_pic2":"37-40-55-56","temp_pic3":"36-34-54-53","temp_pic4":"0-0-0-0",
           "temp_max":0,"chain_acn1":114,"chain_acn2":114,"chain_acn3":114,"chain_acn4":0,
           "chain_acs1":" ooo ooo ooo …","chain_acs4":"",
           "chain_hw1":183,"chain_hw2":195,"chain_hw3":184,"chain_hw4":0,
           "chain_rate1":"37603.30","chain_rate2":"35536.22","chain_rate3":"37427.38","chain_rate4":"",
           "freq1":525,"freq2":525,"freq3":525,"total_rateideal":110000.0,"rate_unit":"GH",
           "total_freqavg":525,"total_acn":342,"total rate":111834.63,"no_matching_work":562,
           "miner_version":"49.0.1.3","miner_id":"8144d5ca79104814"}],
         "id":1}
        """ + "\0";

    /// <summary>1c. Antminer S9 <c>stats</c> (chains 6–8, fans 3 and 6, hashrate as a string).</summary>
    public const string Stats1c = """
        {"STATUS":[{"STATUS":"S","When":1700000000,"Code":70,"Msg":"CGMiner stats","Description":"cgminer 4.9.0"}],
         "STATS":[{"BMMiner":"2.0.0","Miner":"16.8.1.3","CompileTime":"Fri Nov 17 17:37:49 CST 2017","Type":"Antminer S9"},
          {"STATS":0,"ID":"BC50","Elapsed":86400,"GHS 5s":"13612.44","GHS av":13550.10,"miner_count":3,
           "frequency":"650","fan_num":2,"fan3":5880,"fan6":6000,"temp_num":3,
           "temp6":62,"temp7":60,"temp8":64,"temp2_6":78,"temp2_7":75,"temp2_8":80,"temp_max":64,
           "chain_acn6":63,"chain_acn7":63,"chain_acn8":63,
           "chain_rate6":"4540.12","chain_rate7":"4488.77","chain_rate8":"4583.55",
           "chain_hw6":12,"chain_hw7":8,"chain_hw8":15,"total_rateideal":13500.0}],
         "id":1}
        """ + "\0";

    /// <summary>1d. An access-denied error.</summary>
    public const string Denied1d =
        """{"STATUS":[{"STATUS":"E","When":1700000000,"Code":45,"Msg":"Access denied to 'restart' command","Description":"bmminer 1.0.0"}],"id":1}""" + "\0";

    /// <summary>2a. <c>GET /cgi-bin/get_miner_conf.cgi</c>.</summary>
    public const string MinerConf2a = """
        {"pools":[{"url":"stratum+tcp://btc.example-pool.io:3333","user":"acct.heater1","pass":"x"},
                  {"url":"stratum+tcp://btc.example-pool.io:443","user":"acct.heater1","pass":"x"},
                  {"url":"","user":"","pass":""}],
         "api-listen":true,"api-network":true,"api-groups":"A:stats:pools:devs:summary:version",
         "api-allow":"A:0/0,W:*","bitmain-fan-ctrl":false,"bitmain-fan-pwm":"100","bitmain-use-vil":true,
         "bitmain-freq":"675","bitmain-voltage":"1400","bitmain-ccdelay":"0","bitmain-pwth":"0",
         "bitmain-work-mode":"0","bitmain-freq-level":"100"}
        """;

    /// <summary>2b. The <c>set_miner_conf.cgi</c> success reply.</summary>
    public const string SetConfOk2b = """{"stats":"success","code":"M000","msg":"OK!"}""";

    /// <summary>2c. <c>GET /cgi-bin/summary.cgi</c> with a temperature alarm.</summary>
    public const string WebSummary2c = """
        {"STATUS":{"STATUS":"S","when":1732121812.355,"Msg":"summary","api_version":"1.0.0"},
         "INFO":{"miner_version":"49.0.1.3","CompileTime":"Fri Sep 15 14:39:20 CST 2023","type":"Antminer S19j"},
         "SUMMARY":[{"elapsed":10023,"rate_5s":101870.3,"rate_30m":102004.1,"rate_avg":101990.0,
           "rate_ideal":102000.0,"rate_unit":"GH/s","hw_all":1598,"bestshare":10000000000,
           "status":[{"type":"rate","status":"s","code":0,"msg":""},
                     {"type":"network","status":"s","code":0,"msg":""},
                     {"type":"fans","status":"s","code":0,"msg":""},
                     {"type":"temp","status":"e","code":2,"msg":"Temperature too high"}]}]}
        """;
}

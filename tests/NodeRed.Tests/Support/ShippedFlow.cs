using System.Globalization;
using System.Text.Json.Nodes;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.NodeRed.Tests.Support;

/// <summary>
/// A shipped flow from <c>nodered/flows/</c>, as a user imports it, with only its broker addresses pointed at the
/// test's mosquitto. A test may add probes: an <c>mqtt out</c> wired from a node's output, so what that node sends
/// can be seen on the broker (Node-RED's debug sidebar cannot be read headless).
/// </summary>
internal sealed class ShippedFlow
{
    private const string ProbeBrokerId = "7e57000000000b00";
    private readonly JsonArray _nodes;
    private readonly MosquittoBroker _broker;
    private int _probes;

    private ShippedFlow(JsonArray nodes, MosquittoBroker broker)
    {
        _nodes = nodes;
        _broker = broker;
    }

    /// <summary>The flow's nodes as deployed.</summary>
    public JsonArray Nodes => _nodes;

    /// <summary>Loads <paramref name="file"/> and points its brokers at <paramref name="broker"/>.</summary>
    public static ShippedFlow Load(string file, MosquittoBroker broker)
    {
        var nodes = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Flow(file)))!.AsArray();
        foreach (var node in nodes.Select(n => n!.AsObject()))
        {
            switch (node["type"]!.GetValue<string>())
            {
                case "poh-brain":
                    node["broker"] = broker.Url;
                    break;
                case "mqtt-broker":
                    node["broker"] = broker.Host;
                    node["port"] = broker.Port.ToString(CultureInfo.InvariantCulture);
                    break;
                default:
                    break;
            }
        }

        return new ShippedFlow(nodes, broker);
    }

    /// <summary>The one node of <paramref name="type"/>.</summary>
    public JsonObject Single(string type) => _nodes.Select(n => n!.AsObject()).Single(n => n["type"]!.GetValue<string>() == type);

    /// <summary>The node named <paramref name="name"/>.</summary>
    public JsonObject Named(string name) => _nodes.Select(n => n!.AsObject()).Single(n => n["name"]?.GetValue<string>() == name);

    /// <summary>Wires <paramref name="node"/>'s first output also to an <c>mqtt out</c> on <paramref name="topic"/> (payload as JSON).</summary>
    public ShippedFlow Probe(JsonObject node, string topic)
    {
        var id = "7e570000000000" + (++_probes).ToString("x2", CultureInfo.InvariantCulture);
        if (_probes == 1)
        {
            _nodes.Add(new JsonObject
            {
                ["id"] = ProbeBrokerId, ["type"] = "mqtt-broker", ["name"] = "probe broker", ["broker"] = _broker.Host,
                ["port"] = _broker.Port.ToString(CultureInfo.InvariantCulture), ["clientid"] = string.Empty, ["autoConnect"] = true,
                ["usetls"] = false, ["protocolVersion"] = "4", ["keepalive"] = "60", ["cleansession"] = true,
            });
        }

        _nodes.Add(new JsonObject
        {
            ["id"] = id, ["type"] = "mqtt out", ["z"] = node["z"]!.GetValue<string>(), ["name"] = "probe " + topic, ["topic"] = topic,
            ["qos"] = "1", ["retain"] = "false", ["broker"] = ProbeBrokerId, ["x"] = 900, ["y"] = 300 + (_probes * 40), ["wires"] = new JsonArray(),
        });
        node["wires"]!.AsArray()[0]!.AsArray().Add(id);
        return this;
    }

    /// <summary>Adds a <c>catch</c> node on <paramref name="node"/>'s tab whose caught errors go to <paramref name="topic"/> (<c>msg.error</c> as JSON).</summary>
    public ShippedFlow CatchErrors(JsonObject node, string topic)
    {
        var id = "7e5700000000c0" + (++_probes).ToString("x2", CultureInfo.InvariantCulture);
        var change = "7e5700000000d0" + _probes.ToString("x2", CultureInfo.InvariantCulture);
        var tab = node["z"]!.GetValue<string>();
        _nodes.Add(new JsonObject
        {
            ["id"] = id, ["type"] = "catch", ["z"] = tab, ["name"] = "test errors", ["scope"] = null, ["uncaught"] = false,
            ["x"] = 100, ["y"] = 600, ["wires"] = new JsonArray(new JsonArray(change)),
        });
        _nodes.Add(new JsonObject
        {
            ["id"] = change, ["type"] = "change", ["z"] = tab, ["name"] = "error as payload",
            ["rules"] = new JsonArray(new JsonObject { ["t"] = "set", ["p"] = "payload", ["pt"] = "msg", ["to"] = "error", ["tot"] = "msg" }),
            ["x"] = 300, ["y"] = 600, ["wires"] = new JsonArray(new JsonArray()),
        });
        return Probe(_nodes.Select(n => n!.AsObject()).Single(n => n["id"]!.GetValue<string>() == change), topic);
    }

    /// <summary>Adds an inject node with a string payload wired to <paramref name="target"/>; returns its id.</summary>
    public string AddInject(JsonObject target, string payload, string payloadType = "str")
    {
        var id = "7e5700000000i0" + (++_probes).ToString("x2", CultureInfo.InvariantCulture);
        _nodes.Add(new JsonObject
        {
            ["id"] = id, ["type"] = "inject", ["z"] = target["z"]!.GetValue<string>(), ["name"] = "test " + payload,
            ["props"] = new JsonArray(new JsonObject { ["p"] = "payload" }), ["repeat"] = string.Empty, ["crontab"] = string.Empty,
            ["once"] = false, ["onceDelay"] = 0.1, ["topic"] = string.Empty, ["payload"] = payload, ["payloadType"] = payloadType,
            ["x"] = 100, ["y"] = 400 + (_probes * 40), ["wires"] = new JsonArray(new JsonArray(target["id"]!.GetValue<string>())),
        });
        return id;
    }
}

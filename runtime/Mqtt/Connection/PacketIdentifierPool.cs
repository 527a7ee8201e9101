namespace ProofOfHeat.Mqtt.Connection;

/// <summary>Hands out non-zero packet identifiers (MQTT 3.1.1 §2.3.1) that are not in use, round robin.</summary>
internal sealed class PacketIdentifierPool
{
    private readonly object _gate = new();
    private readonly bool[] _inUse = new bool[ushort.MaxValue + 1];
    private int _next = 1;
    private int _count;

    /// <summary>How many identifiers are in use.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Takes a free identifier; throws when all 65535 are in use.</summary>
    public ushort Allocate()
    {
        lock (_gate)
        {
            if (_count >= ushort.MaxValue)
            {
                throw new InvalidOperationException("All 65535 packet identifiers are in use.");
            }

            while (_inUse[_next])
            {
                _next = _next == ushort.MaxValue ? 1 : _next + 1;
            }

            var identifier = (ushort)_next;
            _inUse[identifier] = true;
            _count++;
            _next = _next == ushort.MaxValue ? 1 : _next + 1;
            return identifier;
        }
    }

    /// <summary>Returns <paramref name="identifier"/> to the pool.</summary>
    public void Release(ushort identifier)
    {
        lock (_gate)
        {
            if (_inUse[identifier])
            {
                _inUse[identifier] = false;
                _count--;
            }
        }
    }
}

namespace ProofOfHeat.Apps.Heating.Zones;

/// <summary>
/// One zone's open-window state, fed with contact changes or temperature samples and asked at an instant. Time is
/// always passed in, so the detector is deterministic. Slope mode follows VTherm: the slope is smoothed as
/// 0.2 × previous + 0.8 × ΔT/Δt (K/h), outliers above 120 K/h are dropped and no decision is made before four samples.
/// Samples closer than <see cref="WindowOptions.SlopeSampleInterval"/> to the last one used are skipped, because a
/// report-on-change sensor's 0.1 K steps a minute apart would read as a steep slope.
/// </summary>
public sealed class WindowDetector
{
    private const double OutlierSlope = 120;
    private const int SamplesBeforeDecision = 4;
    private readonly WindowOptions _options;
    private readonly bool _hasContact;
    private DateTimeOffset? _contactOpenSince;
    private DateTimeOffset? _lastSampleAt;
    private double _lastSample;
    private int _samples;
    private double _slope;
    private DateTimeOffset? _detectedAt;
    private bool _latched;

    /// <summary>Creates a detector; with <paramref name="hasContact"/> only the contact counts.</summary>
    public WindowDetector(WindowOptions options, bool hasContact)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _hasContact = hasContact;
    }

    /// <summary>The smoothed temperature slope, K/h (0 before two samples).</summary>
    public double Slope => _slope;

    /// <summary>Records the contact's state (true = open) as of <paramref name="at"/>.</summary>
    public void SetContact(DateTimeOffset at, bool open)
    {
        if (!open)
        {
            _contactOpenSince = null;
        }
        else
        {
            _contactOpenSince ??= at;
        }
    }

    /// <summary>Adds a room temperature sample (slope mode; ignored with a contact).</summary>
    public void AddTemperature(DateTimeOffset at, double temperature)
    {
        if (_hasContact || !_options.DetectFromSlope || !double.IsFinite(temperature))
        {
            return;
        }

        if (_lastSampleAt is not { } last)
        {
            (_lastSampleAt, _lastSample, _samples) = (at, temperature, 1);
            return;
        }

        var hours = (at - last).TotalHours;
        if (at - last < _options.SlopeSampleInterval)
        {
            return;
        }

        var raw = (temperature - _lastSample) / hours;
        if (Math.Abs(raw) > OutlierSlope)
        {
            // The outlier is dropped whole: the next sample is compared with the last good one.
            return;
        }

        (_lastSampleAt, _lastSample) = (at, temperature);

        _slope = _samples <= 1 ? raw : (0.2 * _slope) + (0.8 * raw);
        _samples++;
        UpdateDetection(at);
    }

    /// <summary>Whether the zone is paused at <paramref name="now"/>, and why.</summary>
    public WindowStatus Evaluate(DateTimeOffset now)
    {
        if (_hasContact)
        {
            if (_contactOpenSince is not { } since || now - since < _options.ContactDelay)
            {
                return WindowStatus.Closed;
            }

            return now - since - _options.ContactDelay < _options.ContactMaxPause
                ? new WindowStatus(true, "window open")
                : new WindowStatus(false, "window open too long, heating resumed");
        }

        if (_detectedAt is { } detected)
        {
            if (now - detected < _options.SlopeMaxPause)
            {
                return new WindowStatus(true, "window open (temperature drop)");
            }

            (_detectedAt, _latched) = (null, true);
        }

        return WindowStatus.Closed;
    }

    private void UpdateDetection(DateTimeOffset at)
    {
        if (_samples < SamplesBeforeDecision)
        {
            return;
        }

        if (_slope >= _options.CloseSlope)
        {
            (_detectedAt, _latched) = (null, false);
        }
        else if (_slope < -_options.OpenSlope && _detectedAt is null && !_latched)
        {
            _detectedAt = at;
        }
    }
}

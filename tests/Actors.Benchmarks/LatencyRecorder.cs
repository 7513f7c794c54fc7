namespace Actors.Benchmarks;

/// <summary>Collects per-call latencies from many workers and answers percentiles.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = [];

    public void Add(double milliseconds)
    {
        lock (_milliseconds)
        {
            _milliseconds.Add(milliseconds);
        }
    }

    public double Percentile(double p)
    {
        lock (_milliseconds)
        {
            if (_milliseconds.Count == 0)
            {
                return double.NaN;
            }
            var sorted = _milliseconds.Order().ToArray();
            var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
        }
    }
}

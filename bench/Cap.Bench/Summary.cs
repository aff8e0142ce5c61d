using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Cap.Bench;

/// <summary>Percentiles of a series of measurements, by the nearest-rank method.</summary>
internal sealed record Summary(double P50, double P95, double P99, double Max)
{
    public static Summary Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new Summary(double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var sorted = values.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Summary(Rank(50), Rank(95), Rank(99), sorted[^1]);
    }
}

/// <summary>The machine and runtime the figures come from.</summary>
internal static class Machine
{
    /// <summary>The 1, 5 and 15-minute load averages, as /proc/loadavg gives them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string Describe()
    {
        var build =
#if DEBUG
            "Debug build (figures not representative: use -c Release)";
#else
            "Release build";
#endif
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} CPUs ({CpuModel()}), {MemoryGiB():F1} GiB RAM, {RuntimeInformation.OSDescription}, " +
            $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {build}");
    }

    private static string CpuModel()
    {
        const string file = "/proc/cpuinfo";
        var line = File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            : null;
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static double MemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
}

/// <summary>
/// How much CPU other processes used while the bench measured (Linux: /proc/stat less this process),
/// so that a run disturbed by a build or a test run on the same machine shows it.
/// </summary>
internal sealed class CpuMeter
{
    private const string Stat = "/proc/stat";
    // USER_HZ: the kernel reports /proc/stat in hundredths of a second on Linux.
    private const double TicksPerSecond = 100;

    private readonly double _busy = BusySeconds();
    private readonly TimeSpan _own = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>Average number of CPUs busy with other processes since the meter started, or NaN where unknown.</summary>
    public double OtherCpus()
    {
        var busy = BusySeconds() - _busy;
        var own = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _own).TotalSeconds;
        return Math.Max(0, busy - own) / _clock.Elapsed.TotalSeconds;
    }

    private static double BusySeconds()
    {
        if (!File.Exists(Stat))
        {
            return double.NaN;
        }
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines(Stat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) / TicksPerSecond;
    }
}

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
    public static string Describe()
    {
        var build =
#if DEBUG
            "Debug build (figures not representative: use -c Release)";
#else
            "Release build";
#endif
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} CPUs ({CpuModel()}), {MemoryGiB():F0} GiB RAM, {RuntimeInformation.OSDescription}, " +
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

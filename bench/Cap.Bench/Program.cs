namespace Cap.Bench;

/// <summary>
/// Cap benchmarks: <c>dotnet run -c Release --project bench/Cap.Bench -- &lt;benchmark&gt; [options]</c>.
/// Each benchmark prints a Markdown report and exits non-zero when a target is missed.
/// (Not named Program: that is Cap.Web's entry point, which the benchmarks host.)
/// </summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage.Text);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "intake-bare")
        {
            return await IntakeBareServer.RunAsync(args[1..]);
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args[1..]);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(Usage.Text);
            return 2;
        }

        switch (args[0])
        {
            case "catalogue":
                return await CatalogueBenchmark.RunAsync(options);
            case "indicators":
                return await IndicatorsBenchmark.RunAsync(options);
            case "export":
                return await ExportBenchmark.RunAsync(options);
            case "committee":
                return await CommitteeBenchmark.RunAsync(options);
            case "iterations":
                return await IterationsBenchmark.RunAsync(options);
            case "intake":
                return await IntakeBenchmark.RunAsync(options);
            case "portfolio":
                return await PortfolioBenchmark.RunAsync(options);
            case "digest":
                return await DigestBenchmark.RunAsync(options);
            case "satisfaction-stats":
                return await SatisfactionStatsBenchmark.RunAsync(options);
            case "jdma":
                return await JdmaBenchmark.RunAsync(options);
            case "matomo":
                return await MatomoBenchmark.RunAsync(options);
            default:
                await Console.Error.WriteLineAsync($"Unknown benchmark « {args[0]} ».");
                await Console.Error.WriteLineAsync(Usage.Text);
                return 2;
        }
    }
}

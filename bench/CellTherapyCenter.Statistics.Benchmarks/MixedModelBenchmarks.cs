using System.Globalization;
using BenchmarkDotNet.Attributes;
using CellTherapyCenter.Statistics.MixedModels;

/// <summary>
/// Issue 4's mixed-model size: outcome ~ time + (time | subject) by REML on 10,000 patients x 12
/// visits. bench/lmm-vs-r.sh passes the CSV that R generated (LMM_BENCH_CSV), so both sides fit
/// the same numbers; it is read in the setup, outside the timing, as R's read.csv is.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class MixedModelBenchmarks
{
    private string[] _patient = [];
    private double[] _months = [];
    private double[] _alsfrs = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("LMM_BENCH_CSV")
            ?? throw new InvalidOperationException("Set LMM_BENCH_CSV to the CSV that bench/lmm-vs-r.R writes (bench/lmm-vs-r.sh does).");
        var rows = File.ReadLines(path).Skip(1).Select(line => line.Split(',')).ToArray();
        _patient = rows.Select(r => r[0].Trim('"')).ToArray();
        _months = rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
        _alsfrs = rows.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ToArray();
    }

    [Benchmark(Description = "mixed model (REML), 10,000 patients x 12 visits")]
    public RandomSlopeFit RandomSlope120k() => RandomSlopeModel.Fit(_patient, _months, _alsfrs, "months");
}

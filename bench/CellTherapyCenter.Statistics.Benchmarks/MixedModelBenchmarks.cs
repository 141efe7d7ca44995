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

/// <summary>
/// Issue 19's comparison at the benchmark's sizes: outcome ~ time * group + (time | subject) by REML
/// on a 10,000-subject external cohort (about −0.9 points/month) beside 80,000 treated patients
/// (about −0.6), 1-10 irregular visits each (about 495,000 rows), generated here with a fixed seed
/// (the recipe of make-comparison-references.R) so that no file is needed.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class GroupSlopeBenchmarks
{
    private readonly List<int> _patient = [];
    private readonly List<double> _months = [];
    private readonly List<double> _alsfrs = [];
    private readonly List<bool> _treated = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261207);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        for (var id = 0; id < 90_000; id++)
        {
            var treated = id >= 10_000;
            var level = (treated ? 37 : 38) + 4 * Normal();
            var slope = (treated ? -0.6 : -0.9) + 0.1 * (level - 38) / 4 + 0.4 * Normal();
            var months = 0.0;
            for (var visit = random.Next(1, 11); visit > 0; visit--)
            {
                _patient.Add(id);
                _months.Add(Math.Round(months, 3));
                _alsfrs.Add(Math.Clamp(Math.Round(level + slope * Math.Round(months, 3) + 1.6 * Normal()), 0, 48));
                _treated.Add(treated);
                months += 0.5 + 3.5 * random.NextDouble();
            }
        }
    }

    [Benchmark(Description = "mixed model with a group term (REML), 10,000 cohort + 80,000 treated subjects")]
    public GroupSlopeFit GroupSlope90k() => GroupSlopeModel.Fit(_patient, _months, _alsfrs, _treated, "months", "treated", "patient");
}

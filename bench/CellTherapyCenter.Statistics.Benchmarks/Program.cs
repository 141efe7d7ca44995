using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using CellTherapyCenter.Statistics.Survival;

// The switcher lets each script pick its benchmarks with --filter.
BenchmarkSwitcher.FromAssembly(typeof(SurvivalBenchmarks).Assembly).Run(args);

/// <summary>
/// The sizes of issue 4: Kaplan-Meier and log-rank on 1,000,000 subjects, Cox with 5 covariates on
/// 100,000. The data are generated here with a fixed seed (exponential times, 30% censoring), the
/// same recipe as bench/statistics-vs-r.R, so that neither side's timing includes reading a file.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SurvivalBenchmarks
{
    private double[] _time = [];
    private bool[] _event = [];
    private string[] _group = [];
    private double[] _coxTime = [];
    private bool[] _coxEvent = [];
    private double[,] _covariates = new double[0, 0];
    private static readonly string[] Names = ["x1", "x2", "x3", "x4", "x5"];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261125);
        (_time, _event, _group) = Generate(random, 1_000_000);
        var (t, e, _) = Generate(random, 100_000);
        _coxTime = t;
        _coxEvent = e;
        _covariates = new double[t.Length, Names.Length];
        for (var i = 0; i < t.Length; i++)
            for (var j = 0; j < Names.Length; j++)
                _covariates[i, j] = j % 2 == 0 ? random.NextDouble() * 2 - 1 : random.Next(2);
    }

    private static (double[], bool[], string[]) Generate(Random random, int n)
    {
        var time = new double[n];
        var @event = new bool[n];
        var group = new string[n];
        for (var i = 0; i < n; i++)
        {
            group[i] = random.Next(2) == 0 ? "a" : "b";
            var rate = group[i] == "a" ? 1.0 : 1.3;
            // Times rounded to days out of ~3 years, so that ties occur as in real follow-up.
            time[i] = Math.Ceiling(-Math.Log(1 - random.NextDouble()) / rate * 365);
            @event[i] = random.NextDouble() >= 0.3;
        }
        return (time, @event, group);
    }

    [Benchmark(Description = "Kaplan-Meier, 1,000,000 subjects")]
    public KaplanMeierCurve KaplanMeier1M() => KaplanMeier.Fit(_time, _event);

    [Benchmark(Description = "log-rank, 1,000,000 subjects, 2 groups")]
    public LogRankResult LogRank1M() => LogRankTest.Compute(_time, _event, _group);

    [Benchmark(Description = "Cox (Efron), 5 covariates, 100,000 subjects")]
    public CoxResult Cox100k() => CoxModel.Fit(_coxTime, _coxEvent, Names, _covariates);
}

using CellTherapyCenter.Statistics.Survival;

namespace CellTherapyCenter.Cli.Commands;

/// <summary><c>stats cox</c>: a Cox proportional-hazards model, as R's coxph.</summary>
public static class CoxCommand
{
    public static async Task RunAsync(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("csv", "time", "event", "covariates", "ties");
        var ties = options.Optional("ties") switch
        {
            null or "efron" => TiesMethod.Efron,
            "breslow" => TiesMethod.Breslow,
            var other => throw new CliException($"--ties must be efron or breslow, not '{other}'", isUsage: true),
        };
        var names = options.Required("covariates").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw new CliException("--covariates needs at least one column", isUsage: true);
        var data = SurvivalCsv.Read(options.Required("csv"), options.Required("time"), options.Required("event"), null, names);
        if (!data.Event.Any(e => e)) throw new CliException("the data hold no events: a Cox model cannot be fitted");
        var fit = CoxModel.Fit(data.Time, data.Event, names, data.Covariates!, ties);
        await output.WriteAsync(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("n", fit.N);
            w.WriteNumber("events", fit.Events);
            w.WriteStartArray("coefficients");
            foreach (var c in fit.Coefficients)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.Number("coef", c.Coef); w.Number("se", c.Se); w.Number("hr", c.HazardRatio);
                w.Number("lower", c.Lower); w.Number("upper", c.Upper); w.Number("z", c.Z); w.Number("p", c.P);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.Number("logLikelihood", fit.LogLikelihood);
            w.WriteStartObject("lrTest");
            w.Number("chisq", fit.LikelihoodRatio.ChiSquare);
            w.WriteNumber("df", fit.LikelihoodRatio.DegreesOfFreedom);
            w.Number("p", fit.LikelihoodRatio.P);
            w.WriteEndObject();
            w.Number("concordance", fit.Concordance);
            w.WriteEndObject();
        }));
    }
}

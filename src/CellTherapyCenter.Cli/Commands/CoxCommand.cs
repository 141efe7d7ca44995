using System.CommandLine;
using System.Text.Json;
using CellTherapyCenter.Statistics.Survival;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>
/// <c>stats cox</c>: a Cox proportional-hazards model, as R's coxph. An aliased or constant
/// covariate is printed with <c>"aliased": true</c> and null numbers; coxph's warnings go to
/// <c>"warnings"</c> and, a line each, to stderr, and the exit code stays 0 (R returns the fit).
/// </summary>
public static class CoxCommand
{
    public static Command Create()
    {
        var csv = CsvOptions.File();
        var time = CsvOptions.Time();
        var @event = CsvOptions.Event();
        var covariates = CommandOption.Text("--covariates", "a,b,c", "the covariate columns, separated by commas");
        var ties = CommandOption.OneOf("--ties", "how tied event times are handled (default: efron, as coxph)", "efron", "breslow");
        var command = new Command("cox",
            "A Cox proportional-hazards model, as R's coxph. A covariate that is constant or determined by the others (as x2 = 2*x1) " +
            "is not estimated: \"aliased\": true, its numbers null, and the tests' degrees of freedom count only the estimated terms. " +
            "coxph's warnings (no convergence, a coefficient that may be infinite) are listed in \"warnings\" and printed on stderr; " +
            "the exit code stays 0, as R returns the fit.")
        { csv, time, @event, covariates, ties };
        command.SetAction(parsed => RunAsync(parsed.GetRequiredValue(csv), parsed.GetRequiredValue(time), parsed.GetRequiredValue(@event),
            parsed.GetRequiredValue(covariates), parsed.GetValue(ties) == "breslow" ? TiesMethod.Breslow : TiesMethod.Efron,
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static async Task RunAsync(string csv, string time, string @event, string covariates, TiesMethod ties, TextWriter output, TextWriter error)
    {
        var names = covariates.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw new CliException("--covariates needs at least one column", isUsage: true);
        var data = SurvivalCsv.Read(csv, time, @event, null, names);
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
                w.WriteBoolean("aliased", c.Aliased);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.Number("logLikelihood", fit.LogLikelihood);
            Test(w, "lrTest", fit.LikelihoodRatio);
            w.Number("concordance", fit.Concordance);
            Test(w, "waldTest", fit.Wald);
            Test(w, "scoreTest", fit.Score);
            w.WriteStartArray("warnings");
            foreach (var warning in fit.Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();
            w.WriteEndObject();
        }));
        foreach (var warning in fit.Warnings) await error.WriteLineAsync($"warning: {warning}");
    }

    private static void Test(Utf8JsonWriter w, string name, CoxTest test)
    {
        w.WriteStartObject(name);
        w.Number("chisq", test.ChiSquare);
        w.WriteNumber("df", test.DegreesOfFreedom);
        w.Number("p", test.P);
        w.WriteEndObject();
    }
}

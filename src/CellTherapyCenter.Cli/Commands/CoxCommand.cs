using System.CommandLine;
using CellTherapyCenter.Statistics.Survival;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Cli.Commands;

/// <summary><c>stats cox</c>: a Cox proportional-hazards model, as R's coxph.</summary>
public static class CoxCommand
{
    public static Command Create()
    {
        var csv = CsvOptions.File();
        var time = CsvOptions.Time();
        var @event = CsvOptions.Event();
        var covariates = CommandOption.Text("--covariates", "a,b,c", "the covariate columns, separated by commas");
        var ties = CommandOption.OneOf("--ties", "how tied event times are handled (default: efron, as coxph)", "efron", "breslow");
        var command = new Command("cox", "A Cox proportional-hazards model, as R's coxph.") { csv, time, @event, covariates, ties };
        command.SetAction(parsed => RunAsync(parsed.GetRequiredValue(csv), parsed.GetRequiredValue(time), parsed.GetRequiredValue(@event),
            parsed.GetRequiredValue(covariates), parsed.GetValue(ties) == "breslow" ? TiesMethod.Breslow : TiesMethod.Efron, parsed.InvocationConfiguration.Output));
        return command;
    }

    private static async Task RunAsync(string csv, string time, string @event, string covariates, TiesMethod ties, TextWriter output)
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

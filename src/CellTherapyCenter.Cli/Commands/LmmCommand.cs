using System.CommandLine;
using CellTherapyCenter.Statistics.MixedModels;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>
/// <c>stats lmm</c>: the linear mixed model <c>outcome ~ time + (time | subject)</c> by REML, as
/// lme4's lmer (fixed effects with standard errors, random-effect SDs and correlation, residual
/// SD and the REML criterion at convergence). A model lmer refuses as unidentifiable is refused
/// with lme4's message (exit 1, nothing on stdout); a singular fit, or one without residual noise,
/// is said in <c>"warnings"</c> (always present) and on stderr.
/// </summary>
public static class LmmCommand
{
    public static Command Create()
    {
        var csv = CsvOptions.File();
        var subject = CsvOptions.Column("--subject", "the column that names each subject (patient)");
        var time = CsvOptions.Column("--time", "the column of measurement times");
        var outcome = CsvOptions.Column("--outcome", "the column of measured outcomes");
        var command = new Command("lmm",
            "The linear mixed model outcome ~ time + (time | subject) by REML, as lme4's lmer: fixed effects with standard " +
            "errors, random-effect SDs and correlation, residual SD and the REML criterion at convergence.")
        {
            csv, subject, time, outcome,
        };
        command.SetAction(parsed => RunAsync(parsed.GetRequiredValue(csv), parsed.GetRequiredValue(subject), parsed.GetRequiredValue(time),
            parsed.GetRequiredValue(outcome), parsed.InvocationConfiguration));
        return command;
    }

    private static async Task RunAsync(string csv, string subject, string timeColumn, string outcome, InvocationConfiguration console)
    {
        var data = LongitudinalCsv.Read(csv, subject, timeColumn, outcome);
        RandomSlopeFit fit;
        try
        {
            fit = RandomSlopeModel.Fit(data.Subject, data.Time, data.Outcome, timeColumn, subject);
        }
        catch (Exception e) when (e is ArgumentException or UnidentifiableModelException)
        {
            throw new CliException(e.Message);
        }

        foreach (var warning in fit.Warnings) await console.Error.WriteLineAsync($"warning: {warning}");
        await console.Output.WriteAsync(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("n", fit.N);
            w.WriteNumber("subjects", fit.Subjects);
            w.WriteStartArray("fixed");
            foreach (var effect in new[] { fit.Intercept, fit.Slope })
            {
                w.WriteStartObject();
                w.WriteString("name", effect.Name);
                w.Number("estimate", effect.Estimate);
                w.Number("se", effect.StandardError);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("random");
            w.Number("interceptSd", fit.InterceptSd);
            w.Number("slopeSd", fit.SlopeSd);
            w.Number("correlation", fit.Correlation);
            w.WriteEndObject();
            w.Number("residualSd", fit.ResidualSd);
            w.Number("remlCriterion", fit.RemlCriterion);
            w.WriteBoolean("singular", fit.IsSingular);
            w.WriteStartArray("warnings");
            foreach (var warning in fit.Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }
}

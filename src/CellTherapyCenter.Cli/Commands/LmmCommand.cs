using CellTherapyCenter.Statistics.MixedModels;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>
/// <c>stats lmm</c>: the linear mixed model <c>outcome ~ time + (time | subject)</c> by REML, as
/// lme4's lmer (fixed effects with standard errors, random-effect SDs and correlation, residual
/// SD and the REML criterion at convergence).
/// </summary>
public static class LmmCommand
{
    public static async Task RunAsync(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("csv", "subject", "time", "outcome");
        var timeColumn = options.Required("time");
        var data = LongitudinalCsv.Read(options.Required("csv"), options.Required("subject"), timeColumn, options.Required("outcome"));
        RandomSlopeFit fit;
        try
        {
            fit = RandomSlopeModel.Fit(data.Subject, data.Time, data.Outcome, timeColumn);
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }

        await output.WriteAsync(Json.Write(w =>
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
            w.WriteEndObject();
        }));
    }
}

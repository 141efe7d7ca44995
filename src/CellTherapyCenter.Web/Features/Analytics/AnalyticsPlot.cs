using System.Globalization;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Statistics.Survival;
using CellTherapyCenter.Web.Features.Analytics.Plots;
using CellTherapyCenter.Web.Features.Outcomes;
using CsvHelper;

namespace CellTherapyCenter.Web.Features.Analytics;

/// <summary>
/// The staff analytics plots, each drawn from the same patients and definitions as the claims
/// audit under the same filter, and each with its table as CSV (the numbers the plot shows).
/// </summary>
public sealed record AnalyticsPlot(string Name, string Title, string Description)
{
    public static IReadOnlyList<AnalyticsPlot> All { get; } =
    [
        new("survival-by-stage", "Survival from the first course, by King's stage at the first course",
            "Kaplan-Meier curves with 95% bands and numbers at risk; one curve per King's stage at the first course."),
        new("survival-by-onset", "Survival from the first course, by site of onset",
            "Kaplan-Meier curves with 95% bands and numbers at risk; one curve per site of onset."),
        new("survival-vs-expected", "Treated patients against their ENCALS-expected survival",
            "Kaplan-Meier curve of freedom from death, tracheostomy and permanent ventilation after the first course, with the survival the ENCALS model predicts for the same patients (dashed)."),
        new("survival-vs-cohort", "Survival from onset beside the external cohort",
            "Kaplan-Meier curves with 95% bands and numbers at risk from onset: the comparable treated patients and the comparable subjects of each imported external cohort."),
        new("alsfrs-spaghetti", "ALSFRS-R totals around the first course",
            "One line per patient: ALSFRS-R totals by months from the first course."),
        new("alsfrs-mean", "Mean ALSFRS-R around the first course",
            "Mean ALSFRS-R total per 3-month interval from the first course with 95% intervals and n, beside a natural-history decline of 1.02 points a month."),
    ];

    public static AnalyticsPlot? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    private const double BinMonths = 3;
    private const int MinimumPatientsPerBin = 10;
    private const double NaturalHistorySlope = -1.02;

    /// <summary>The plot as a 900-pixel-wide PNG (for wider screens, print and download).</summary>
    public byte[] Png(IReadOnlyList<PatientFacts> treated, ClaimsAuditReport report, ClaimsAuditParameters parameters) =>
        Draw(treated, report, parameters, phone: false);

    /// <summary>The plot drawn for a phone: an SVG whose text is 13 CSS px or more on a 360 px phone.</summary>
    public byte[] Svg(IReadOnlyList<PatientFacts> treated, ClaimsAuditReport report, ClaimsAuditParameters parameters) =>
        Draw(treated, report, parameters, phone: true);

    private byte[] Draw(IReadOnlyList<PatientFacts> treated, ClaimsAuditReport report, ClaimsAuditParameters parameters, bool phone) => Name switch
    {
        "survival-by-stage" => KaplanMeierPlot.Render(Series(OutcomeCurves.SurvivalByKingsStage(treated, parameters)), new(Title, "first course") { Phone = phone }),
        "survival-by-onset" => KaplanMeierPlot.Render(Series(OutcomeCurves.SurvivalByOnsetSite(treated)), new(Title, "first course") { Phone = phone }),
        "survival-vs-expected" => KaplanMeierPlot.Render(Series(EventFree(report)), new(Title, "first course") { Phone = phone }, Expected(report)),
        "survival-vs-cohort" => KaplanMeierPlot.Render(Series(BesideCohorts(report)), new(Title, "onset") { Phone = phone }),
        "alsfrs-spaghetti" => TrajectoryPlots.Spaghetti(Trajectories(treated), new(Title) { Phone = phone }),
        "alsfrs-mean" => MeanPlot(treated, phone),
        _ => throw new InvalidOperationException($"No plot {Name}."),
    };

    private byte[] MeanPlot(IReadOnlyList<PatientFacts> treated, bool phone)
    {
        var points = MeanTrajectory.ByMonth(Trajectories(treated), BinMonths, MinimumPatientsPerBin);
        var anchor = points.FirstOrDefault(p => p.Month == 0);
        var reference = anchor is null ? null : new NaturalHistoryReference(0, anchor.Mean, NaturalHistorySlope,
            "Natural history, -1.02 points/month (PRO-ACT, Atassi 2014)");
        return TrajectoryPlots.Mean(points, new(Title) { Phone = phone }, reference);
    }

    /// <summary>
    /// What the plot shows, in a sentence or two for its text alternative: the median survival of each
    /// group, the patients and months drawn, or the mean's change since the first course.
    /// </summary>
    public string Summary(IReadOnlyList<PatientFacts> treated, ClaimsAuditReport report, ClaimsAuditParameters parameters)
    {
        static string M(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        static string Median(KaplanMeierCurve c) => double.IsNaN(c.Median) ? "not reached" : $"{M(c.Median)} months";
        static string Groups(IReadOnlyList<LabelledCurve> curves) =>
            string.Join("; ", curves.Select(c => $"{c.Label}: {Median(c.Curve)} (n = {c.Curve.N}, {c.Curve.Events} events)"));
        switch (Name)
        {
            case "survival-by-stage" or "survival-by-onset":
                var curves = Name == "survival-by-stage" ? OutcomeCurves.SurvivalByKingsStage(treated, parameters) : OutcomeCurves.SurvivalByOnsetSite(treated);
                return curves.Count == 0 ? "No patients in this selection." : $"Median survival from the first course. {Groups(curves)}.";
            case "survival-vs-expected":
                var observed = EventFree(report);
                if (observed.Count == 0) return "No patients in this selection.";
                var text = $"Median time free of death, tracheostomy and permanent ventilation after the first course. {Groups(observed)}.";
                if (report.Curves.FromFirstCourse.Expected is { } e)
                {
                    var half = Enumerable.Range(0, e.Survival.Count).FirstOrDefault(i => e.Survival[i] <= 0.5, -1);
                    text += half < 0 ? $" ENCALS expected for {e.Patients} predictable patients: above one half throughout."
                        : $" ENCALS expected for {e.Patients} predictable patients: {M(e.Months[half])} months.";
                }
                return text;
            case "survival-vs-cohort":
                var beside = BesideCohorts(report);
                return beside.Count == 0 ? "No external cohort is imported, or no subjects are comparable." : $"Median survival from onset. {Groups(beside)}.";
            case "alsfrs-spaghetti":
                var all = Trajectories(treated).Where(t => t.Months.Count > 0).ToList();
                if (all.Count == 0) return "No ALSFRS-R assessments in this selection.";
                var months = all.SelectMany(t => t.Months).ToList();
                return $"One line per patient: {all.Count} patients, {months.Count} assessments from month {M(months.Min())} to month {M(months.Max())} around the first course.";
            default:
                var points = MeanTrajectory.ByMonth(Trajectories(treated), BinMonths, MinimumPatientsPerBin);
                if (points.Count == 0) return "No month has enough patients assessed for a mean.";
                var (first, last) = (points.FirstOrDefault(p => p.Month == 0) ?? points[0], points[^1]);
                var mean = $"The mean total was {M(first.Mean)} at month {M(first.Month)} (n = {first.N}) and {M(last.Mean)} at month {M(last.Month)} (n = {last.N})";
                return first.Month == 0 && last.Month > 0
                    ? $"{mean}: a change of {M(last.Mean - first.Mean)} points, where natural history would give {M(NaturalHistorySlope * last.Month)}."
                    : mean + ".";
        }
    }

    /// <summary>The plot's numbers: curve steps for survival plots, one row per patient visit or bin for trajectories.</summary>
    public string Csv(IReadOnlyList<PatientFacts> treated, ClaimsAuditReport report, ClaimsAuditParameters parameters)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        void Row(params object?[] fields)
        {
            foreach (var f in fields) csv.WriteField(f is double d ? MeasureText.Csv(d) : f);
            csv.NextRecord();
        }
        switch (Name)
        {
            case "survival-by-stage" or "survival-by-onset" or "survival-vs-expected" or "survival-vs-cohort":
                var curves = Name switch
                {
                    "survival-by-stage" => OutcomeCurves.SurvivalByKingsStage(treated, parameters),
                    "survival-by-onset" => OutcomeCurves.SurvivalByOnsetSite(treated),
                    "survival-vs-cohort" => BesideCohorts(report),
                    _ => EventFree(report),
                };
                Row("group", "months", "nRisk", "nEvent", "nCensor", "survival", "lower", "upper");
                foreach (var (label, c) in curves)
                    for (var i = 0; i < c.Time.Count; i++)
                        Row(label, c.Time[i], c.NRisk[i], c.NEvent[i], c.NCensor[i], c.Survival[i], c.Lower[i], c.Upper[i]);
                if (Name == "survival-vs-expected" && report.Curves.FromFirstCourse.Expected is { } expected)
                    for (var i = 0; i < expected.Months.Count; i++)
                        Row($"ENCALS expected ({expected.Patients} patients)", expected.Months[i], "", "", "", expected.Survival[i], "", "");
                break;
            case "alsfrs-spaghetti":
                Row("patient", "months", "alsfrsRTotal");
                var n = 0;
                foreach (var t in Trajectories(treated))
                {
                    n++; // a running number, never the patient's identity
                    for (var i = 0; i < t.Months.Count; i++) Row(n, t.Months[i], t.Total[i]);
                }
                break;
            default:
                Row("month", "mean", "lower", "upper", "n");
                foreach (var p in MeanTrajectory.ByMonth(Trajectories(treated), BinMonths, MinimumPatientsPerBin))
                    Row(p.Month, p.Mean, p.Lower, p.Upper, p.N);
                break;
        }
        csv.Flush();
        return writer.ToString();
    }

    private static List<SurvivalSeries> Series(IReadOnlyList<LabelledCurve> curves) => curves.Select(c => new SurvivalSeries(c.Label, c.Curve)).ToList();

    private static IReadOnlyList<LabelledCurve> EventFree(ClaimsAuditReport report) =>
        report.Curves.FromFirstCourse.EventFree is { } curve ? [new LabelledCurve("Treated, free of the ENCALS events", curve)] : [];

    /// <summary>Per imported cohort, its comparable treated patients and its comparable subjects, from onset.</summary>
    private static IReadOnlyList<LabelledCurve> BesideCohorts(ClaimsAuditReport report)
    {
        var curves = new List<LabelledCurve>();
        foreach (var c in report.Comparisons)
        {
            var one = report.Comparisons.Count == 1;
            if (c.TreatedFromOnset is { } t) curves.Add(new LabelledCurve(one ? "Treated, comparable" : $"Treated, comparable with {c.Cohort}", t));
            if (c.CohortFromOnset is { } e) curves.Add(new LabelledCurve(c.IsSynthetic ? $"{c.Cohort} (synthetic)" : c.Cohort, e));
        }
        return curves;
    }

    private static List<ExpectedSeries>? Expected(ClaimsAuditReport report) =>
        report.Curves.FromFirstCourse.Expected is { } e ? [new ExpectedSeries($"ENCALS expected ({e.Patients} predictable)", e.Months, e.Survival)] : null;

    private static List<PatientTrajectory> Trajectories(IReadOnlyList<PatientFacts> treated) =>
        OutcomeCurves.ScoresAroundFirstCourse(treated).Select(s => new PatientTrajectory(s.Months, s.Total)).ToList();
}

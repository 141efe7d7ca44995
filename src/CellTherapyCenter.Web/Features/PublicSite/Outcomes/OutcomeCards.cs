using System.Globalization;
using CellTherapyCenter.Outcomes;
using Microsoft.Extensions.Localization;

namespace CellTherapyCenter.Web.Features.PublicSite.Outcomes;

/// <summary>
/// The words of the outcome cards (answers, counts in words, picture labels) in every site
/// language: <c>OutcomeCardText.resx</c>, <c>.uk.resx</c> and <c>.sr-Latn.resx</c> beside this file.
/// </summary>
public sealed class OutcomeCardText;

/// <summary>One claim's card: the registry's answer in one sentence, its n and interval in words, how it was computed, and a picture.</summary>
public sealed record OutcomeCard(string Id, string Answer, string Counted, string Method, OutcomePicture? Picture);

/// <summary>Where a measured interval lies against a figure it is compared with.</summary>
public enum Verdict
{
    Below,
    Within,
    Above,
}

/// <summary>
/// Writes each claim's card from the audit's figures by fixed rules (tested at their boundaries):
/// shares as frequencies a family reads ("about 3 in 10"), exact counts where n is small or the
/// count is all or none, the interval compared with the clinic's figure or the comparison, and
/// "too few" where the audit gave no estimate. Numbers are written in the current culture.
/// </summary>
public static class OutcomeCards
{
    /// <summary>The clinic's stated shares (StatedOutcomes) as numbers, for comparing with the interval.</summary>
    public static readonly IReadOnlyDictionary<string, double> StatedShare = new Dictionary<string, double>
    {
        ["C1"] = 0.67,
        ["C2"] = 0.34,
        ["C4"] = 0.48,
        ["C5"] = 0.25,
    };

    /// <summary>Placebo responders in the NurOwn phase 3 trial (natural-history.md).</summary>
    public const double PlaceboShare = 0.277;
    /// <summary>Untreated trial patients who improved over 9 months (DREAM ALS challenge).</summary>
    public const double UntreatedImprovedShare = 0.048;
    /// <summary>ALSFRS-R decline of untreated patients, points per month (PRO-ACT).</summary>
    public const double NaturalDeclinePerMonth = -1.02;
    /// <summary>The clinic's stated duration of the effect, months.</summary>
    public const double StatedMonthsFrom = 3, StatedMonthsTo = 6;

    /// <summary>Below n = 10 a share in tenths says more than the data do: the count is written instead.</summary>
    public const int SmallN = 10;

    public static IReadOnlyList<OutcomeCard> Build(ClaimsAuditReport report, IStringLocalizer<OutcomeCardText> t) =>
        report.Claims.Select(c => Card(c, report, t)).ToList();

    public static OutcomeCard Card(ClaimResult claim, ClaimsAuditReport? report, IStringLocalizer<OutcomeCardText> t)
    {
        var id = claim.Stated.Id;
        return id switch
        {
            "C1" or "C2" or "C4" or "C5" => ShareCard(claim, t),
            "C3" => MedianCard(claim, t),
            "P" => SlopeCard(claim, t),
            "C6" => SurvivalCard(claim, claim.Measures[1], report?.Curves.Advanced, t),
            "S" => SurvivalCard(claim, claim.Primary, report?.Curves.FromFirstCourse, t),
            _ => throw new ArgumentException($"No card rules for claim {id}.", nameof(claim)),
        };
    }

    /// <summary>
    /// A share in words: "{k} of {n}" when n is under <see cref="SmallN"/> or the count is none or
    /// all; otherwise rounded to tenths, "fewer than 1 in 10" and "more than 9 in 10" at the ends.
    /// </summary>
    public static string Frequency(double share, int numerator, int denominator, IStringLocalizer<OutcomeCardText> t)
    {
        if (denominator < SmallN || numerator <= 0 || numerator >= denominator)
            return t["Frequency.Count", numerator, denominator];
        var tenths = (int)Math.Round(share * 10, MidpointRounding.AwayFromZero);
        return tenths switch
        {
            <= 0 => t["Frequency.FewerThanOne"],
            >= 10 => t["Frequency.MoreThanNine"],
            _ => t["Frequency.About", tenths],
        };
    }

    /// <summary>A share of a large group in tenths ("about 3 in 10").</summary>
    public static string Frequency(double share, IStringLocalizer<OutcomeCardText> t) => Frequency(share, 1, int.MaxValue, t);

    /// <summary>Where the interval [lower, upper] lies against a figure; an open end reaches that way without bound.</summary>
    public static Verdict Compare(double? lower, double? upper, double figure) =>
        upper is { } u && u < figure ? Verdict.Below
        : lower is { } l && l > figure ? Verdict.Above
        : Verdict.Within;

    /// <summary>Where the interval lies against a stated range [from, to].</summary>
    public static Verdict CompareRange(double? lower, double? upper, double from, double to) =>
        upper is { } u && u < from ? Verdict.Below
        : lower is { } l && l > to ? Verdict.Above
        : Verdict.Within;

    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);

    public static string Number(double value, int decimals) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture)
            .Replace("-", "−", StringComparison.Ordinal);

    private static OutcomeCard ShareCard(ClaimResult claim, IStringLocalizer<OutcomeCardText> t)
    {
        var id = claim.Stated.Id;
        var m = claim.Primary;
        var stated = StatedShare[id];
        var method = t[m.Kind == MeasureKind.CumulativeIncidence ? "Method.CumulativeIncidence" : "Method.Share"];
        if (m.Estimate is not { } p)
            return new OutcomeCard(id, t[$"{id}.TooFew"], TooFew(m, t), method, null);
        var k = m.Numerator ?? 0;
        // C2 is set against placebo (a measured comparison); the others against the clinic's own figure.
        var against = id == "C2" ? PlaceboShare : stated;
        var template = t[$"{id}.Answer.{Compare(m.Lower, m.Upper, against)}"].Value;
        var frequency = Frequency(p, k, m.Denominator, t);
        if (template.StartsWith("{0}", StringComparison.Ordinal)) frequency = Capital(frequency);
        // The placebo share is a trial's, whose n is not ours: in tenths; the clinic's figure as it states it.
        var comparison = id == "C2" ? Frequency(PlaceboShare, t) : Percent(stated);
        var answer = string.Format(CultureInfo.CurrentCulture, template, frequency, comparison);
        var counted = m.Kind == MeasureKind.CumulativeIncidence
            ? t["Counted.CumulativeIncidence", m.Denominator, k, Percent(p), Percent(m.Lower ?? 0), m.Upper is { } cu ? Percent(cu) : "?"]
            : t["Counted.Share", k, m.Denominator, Percent(p), Percent(m.Lower!.Value), Percent(m.Upper!.Value)];
        if (m.Kind == MeasureKind.CumulativeIncidence && m.Upper is null) counted = t["Counted.CumulativeIncidence.None", m.Denominator];
        var rows = new List<ScaleRow>
        {
            ScaleRow.Interval(t["Picture.Measured"], p, m.Lower ?? 0, m.Upper ?? m.Lower ?? 0, Percent(p)),
            ScaleRow.Point(t["Picture.Stated"], stated, Percent(stated), "stated"),
        };
        if (id == "C2")
        {
            rows.Add(ScaleRow.Point(t["Picture.Placebo"], PlaceboShare, Percent(PlaceboShare)));
            rows.Add(ScaleRow.Point(t["Picture.Untreated"], UntreatedImprovedShare, Percent(UntreatedImprovedShare)));
        }
        var description = string.Join(" ", rows.Select(r => r.Describe(t)));
        var picture = new ScalePicture(t[$"{id}.Picture.Title"], description, rows, 0, 1, [0, 0.5, 1], Percent);
        return new OutcomeCard(id, answer, counted, method, picture);
    }

    private static OutcomeCard MedianCard(ClaimResult claim, IStringLocalizer<OutcomeCardText> t)
    {
        var m = claim.Primary;
        var method = t["Method.Median"];
        var stated = t["Picture.StatedRange", Number(StatedMonthsFrom, 0), Number(StatedMonthsTo, 0)];
        if (m.Estimate is not { } median)
        {
            // No estimate: too few patients, or more than half still improved (the median not reached).
            if (m.Denominator < SmallN || m.Shortfall is { } s && s.Contains("too few", StringComparison.Ordinal))
                return new OutcomeCard("C3", t["C3.TooFew"], TooFew(m, t), method, null);
            return new OutcomeCard("C3", t["C3.Answer.NotReached"], t["Counted.Median.NotReached", m.Denominator, m.Numerator ?? 0], method, null);
        }
        var answer = t[$"C3.Answer.{CompareRange(m.Lower, m.Upper, StatedMonthsFrom, StatedMonthsTo)}", Number(median, 1), Number(StatedMonthsFrom, 0), Number(StatedMonthsTo, 0)];
        var counted = m.Upper is { } u
            ? t["Counted.Median", m.Denominator, m.Numerator ?? 0, Number(m.Lower ?? 0, 1), Number(u, 1)]
            : t["Counted.Median.OpenUpper", m.Denominator, m.Numerator ?? 0, Number(m.Lower ?? 0, 1)];
        var top = Math.Max(12, Math.Ceiling(Math.Max(median, m.Upper ?? m.Lower ?? 0) / 6) * 6);
        var rows = new List<ScaleRow>
        {
            ScaleRow.Interval(t["Picture.Measured"], median, m.Lower ?? 0, m.Upper ?? top, t["Picture.Months", Number(median, 1)]),
            ScaleRow.Band(t["Picture.Stated"], StatedMonthsFrom, StatedMonthsTo, stated),
        };
        var description = string.Join(" ", rows.Select(r => r.Describe(t)));
        var picture = new ScalePicture(t["C3.Picture.Title"], description, rows, 0, top, [0, top / 2, top], v => t["Picture.Months", Number(v, 0)]);
        return new OutcomeCard("C3", answer, counted, method, picture);
    }

    private static OutcomeCard SlopeCard(ClaimResult claim, IStringLocalizer<OutcomeCardText> t)
    {
        // The per-patient change in slope compares like with like; the mixed models describe each side.
        var change = claim.Measures.First(m => m.Name.StartsWith("Change in slope", StringComparison.Ordinal));
        var after = claim.Primary;
        var method = t["Method.Slope"];
        if (change.Estimate is not { } d)
            return new OutcomeCard("P", t["P.TooFew"], TooFew(change, t), method, null);
        var answer = t[$"P.Answer.{Compare(change.Lower, change.Upper, 0)}", Number(Math.Abs(d), 2), Number(d, 2)];
        var counted = t["Counted.Slope", change.Denominator, Number(d, 2), Number(change.Lower ?? d, 2), Number(change.Upper ?? d, 2)];
        var rows = new List<ScaleRow>();
        if (after.Estimate is { } a)
            rows.Add(ScaleRow.Interval(t["Picture.SlopeAfter"], a, after.Lower ?? a, after.Upper ?? a, t["Picture.PerMonth", Number(a, 2)]));
        rows.Add(ScaleRow.Point(t["Picture.Untreated"], NaturalDeclinePerMonth, t["Picture.PerMonth", Number(NaturalDeclinePerMonth, 2)]));
        var low = Math.Min(-2, Math.Floor(rows.Min(r => r.From)));
        var description = string.Join(" ", rows.Select(r => r.Describe(t)));
        var picture = new ScalePicture(t["P.Picture.Title"], description, rows, low, 0, [low, low / 2, 0], v => Number(v, 1));
        return new OutcomeCard("P", answer, counted, method, picture);
    }

    private static OutcomeCard SurvivalCard(ClaimResult claim, ClaimMeasure ratio, CellTherapyCenter.Outcomes.Claims.SurvivalCohort? cohort, IStringLocalizer<OutcomeCardText> t)
    {
        var id = claim.Stated.Id;
        var method = t["Method.Ratio"];
        if (ratio.Estimate is not { } r)
            return new OutcomeCard(id, t[$"{id}.TooFew"], TooFew(ratio, t), method, null);
        // A ratio below 1: fewer events than the model predicts for the same patients.
        var answer = t[$"{id}.Answer.{Compare(ratio.Lower, ratio.Upper, 1)}"];
        var counted = t["Counted.Ratio", ratio.Denominator, ratio.Numerator ?? 0, Number(r, 2), Number(ratio.Lower ?? r, 2), ratio.Upper is { } u ? Number(u, 2) : "?"];
        CurvePicture? picture = null;
        if (cohort is { EventFree: { } observed, Expected: { } expected })
        {
            var horizon = Math.Min(expected.Months.Count == 0 ? 0 : expected.Months[^1], observed.Time.Count == 0 ? 0 : observed.Time[^1]);
            if (horizon >= 1)
            {
                var atEnd = StepAt(observed, horizon);
                var expectedAtEnd = expected.Survival[Math.Min(expected.Survival.Count - 1, (int)Math.Floor(horizon))];
                var description = t["Curve.Description", Number(horizon, 0), Percent(atEnd), Percent(expectedAtEnd)];
                picture = new CurvePicture(t[$"{id}.Picture.Title"], description, t["Curve.Observed"], t["Curve.Expected"],
                    Steps(observed, horizon), expected.Months.Zip(expected.Survival).Where(x => x.First <= horizon).ToList(), horizon,
                    v => Number(v, 0), Percent, t["Curve.Months"]);
            }
        }
        return new OutcomeCard(id, answer, counted, method, picture);
    }

    private static string TooFew(ClaimMeasure m, IStringLocalizer<OutcomeCardText> t) => t["Counted.TooFew", m.Denominator];

    private static double StepAt(Statistics.Survival.KaplanMeierCurve curve, double month)
    {
        var s = 1.0;
        for (var i = 0; i < curve.Time.Count && curve.Time[i] <= month; i++) s = curve.Survival[i];
        return s;
    }

    private static List<(double Month, double Survival)> Steps(Statistics.Survival.KaplanMeierCurve curve, double horizon)
    {
        var points = new List<(double, double)> { (0, 1) };
        for (var i = 0; i < curve.Time.Count && curve.Time[i] <= horizon; i++) points.Add((curve.Time[i], curve.Survival[i]));
        return points;
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.CurrentCulture) + s[1..];
}

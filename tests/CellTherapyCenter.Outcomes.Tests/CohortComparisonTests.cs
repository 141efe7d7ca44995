using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Outcomes.Comparison;
using CellTherapyCenter.Statistics.MixedModels;
using CellTherapyCenter.Statistics.Survival;
using static CellTherapyCenter.Outcomes.Tests.Cohort;

namespace CellTherapyCenter.Outcomes.Tests;

/// <summary>
/// The treated patients beside an external cohort. The statistics themselves are checked against
/// R (lme4, survival) in the statistics library's tests (make-comparison-references.R); these
/// tests check what the comparison feeds them: who is comparable, the baselines, times and
/// covariates, by assembling the same data independently and fitting it directly.
/// </summary>
public sealed class CohortComparisonTests
{
    private static readonly DateOnly DayZero = new(2000, 1, 1);
    private static readonly ClaimsAuditParameters Parameters = new();

    [Fact]
    public void Only_subjects_inside_the_baselines_both_groups_share_are_compared()
    {
        // Treated: baselines 30-40 points, 12-23 months from onset. The cohort spans more on every
        // baseline value (20-46 points, 10, 17 or 26 months): only its subjects with 30-40 points
        // and 17 months lie where both groups have subjects.
        var treated = Enumerable.Range(0, 12).Select(i => Patient(baseline: 30 + i % 11, slope: -0.5, durationMonths: 12 + i, died: null, seed: i)).ToList();
        var cohort = Enumerable.Range(0, 27).Select(i => Subject($"S{i}", baseline: 20 + i, slope: -1, durationMonths: (i % 3) switch { 0 => 10, 1 => 17, _ => 26 }, diedAfterMonths: null, seed: i)).ToList();
        var comparison = Compare(treated, cohort);
        var support = comparison.Support;
        var range = support.Ranges.Single(r => r.Name.StartsWith("baseline ALSFRS-R", StringComparison.Ordinal));
        Assert.Equal((30, 40), (range.From, range.To));
        Assert.Equal(12, support.TreatedKept);
        Assert.Equal(4, support.CohortKept); // S10, S13, S16, S19
        Assert.Equal(23, support.CohortOutside);
        Assert.Contains("Left out outside the range both groups share: 0 treated, 23 cohort", support.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Subjects_without_onset_or_baseline_are_counted_as_left_out()
    {
        var treated = Enumerable.Range(0, 12).Select(i => Patient(36, -0.5, 14, null, i)).ToList();
        treated.Add(Patient(36, -0.5, 14, null, 99) with { OnsetDate = null });
        treated.Add(Patient(36, -0.5, 14, null, 98) with { Assessments = [] });
        var cohort = Enumerable.Range(0, 12).Select(i => Subject($"S{i}", 36, -1, i % 2 == 0 ? 10 : 20, null, i)).ToList();
        cohort.Add(Subject("no-scores", 36, -1, 14, null, 5) with { Scores = [] });
        // Died two months after day 0, scored until month 12: the data contradict themselves.
        cohort.Add(Subject("scored-after-death", 36, -1, 14, 2, 6));
        var support = Compare(treated, cohort).Support;
        Assert.Equal(1, support.TreatedMissing["no onset date"]);
        Assert.Equal(1, support.TreatedMissing["no baseline ALSFRS-R"]);
        Assert.Equal(1, support.CohortMissing["no ALSFRS-R"]);
        Assert.Equal(1, support.CohortMissing["ALSFRS-R dated after death"]);
        Assert.Equal(12, support.TreatedKept);
    }

    [Fact]
    public void The_slopes_are_one_mixed_model_over_both_groups_from_each_baseline()
    {
        var (treated, cohort) = Generated(40, 120);
        var comparison = Compare(treated, cohort);
        Assert.Equal(40, comparison.Support.TreatedKept + comparison.Support.TreatedOutside);
        (treated, cohort) = Comparable(comparison, treated, cohort);

        // The same model, fitted directly on data assembled here: months from each subject's baseline.
        var subject = new List<string>();
        var months = new List<double>();
        var total = new List<double>();
        var group = new List<bool>();
        foreach (var p in treated)
        {
            var baseline = p.Assessments.Last(a => a.Date <= p.FirstCourse!.Value);
            foreach (var a in p.Assessments.Where(a => a.Date >= baseline.Date))
            {
                subject.Add(p.Id.ToString()); months.Add((a.Date.DayNumber - baseline.Date.DayNumber) / 30.4375); total.Add(a.Total); group.Add(true);
            }
        }
        foreach (var s in cohort)
            foreach (var score in s.Scores)
            {
                subject.Add(s.SubjectId); months.Add((score.Date.DayNumber - s.Scores[0].Date.DayNumber) / 30.4375); total.Add(score.Total); group.Add(false);
            }
        var fit = GroupSlopeModel.Fit(subject, months, total, group);
        var (cohortSlope, treatedSlope, difference) = (comparison.Progression[0], comparison.Progression[1], comparison.Progression[2]);
        Assert.Equal(fit.Slope.Estimate, cohortSlope.Estimate!.Value, 9);
        Assert.Equal(fit.GroupSlope.Estimate, treatedSlope.Estimate!.Value, 9);
        Assert.Equal(fit.SlopeDifference.Estimate, difference.Estimate!.Value, 9);
        Assert.Equal(fit.SlopeDifference.WaldLower, difference.Lower!.Value, 9);
        Assert.Equal(fit.SlopeDifference.P, difference.P!.Value, 9);
        Assert.Equal((treated.Count, cohort.Count, treated.Count + cohort.Count), (treatedSlope.Denominator, cohortSlope.Denominator, difference.Denominator));
        // Generated with −0.5 against −1.0 points/month: the model finds the difference.
        Assert.InRange(difference.Estimate.Value, 0.3, 0.7);
        Assert.True(difference.Lower > 0);
    }

    [Fact]
    public void Survival_from_onset_is_compared_by_log_rank_and_an_adjusted_Cox_model()
    {
        var (treated, cohort) = Generated(40, 120);
        var comparison = Compare(treated, cohort);
        (treated, cohort) = Comparable(comparison, treated, cohort);

        var time = new List<double>();
        var died = new List<bool>();
        var x = new List<double[]>();
        foreach (var p in treated)
        {
            var baseline = p.Assessments.Last(a => a.Date <= p.FirstCourse!.Value);
            var end = p.DateOfDeath ?? p.FollowUpEnd!.Value;
            time.Add((end.DayNumber - p.OnsetDate!.Value.DayNumber) / 30.4375);
            died.Add(p.DateOfDeath is not null);
            var duration = (baseline.Date.DayNumber - p.OnsetDate!.Value.DayNumber) / 30.4375;
            x.Add([1, (p.OnsetDate!.Value.DayNumber - p.DateOfBirth!.Value.DayNumber) / 365.25, p.OnsetSite == OnsetSite.Bulbar ? 1 : 0, (48 - baseline.Total) / duration]);
        }
        foreach (var s in cohort)
        {
            var end = s.DateOfDeath ?? s.LastContact!.Value;
            time.Add((end.DayNumber - s.OnsetDate!.Value.DayNumber) / 30.4375);
            died.Add(s.DateOfDeath is not null);
            var duration = (s.Scores[0].Date.DayNumber - s.OnsetDate!.Value.DayNumber) / 30.4375;
            x.Add([0, s.AgeAtDayZero!.Value - (DayZero.DayNumber - s.OnsetDate!.Value.DayNumber) / 365.25, s.BulbarOnset!.Value ? 1 : 0, (48 - s.Scores[0].Total) / duration]);
        }
        var covariates = new double[x.Count, 4];
        for (var i = 0; i < x.Count; i++) for (var j = 0; j < 4; j++) covariates[i, j] = x[i][j];
        var cox = CoxModel.Fit(time, died, ["treated", "age", "bulbar", "dfrs"], covariates);
        var logRank = LogRankTest.Compute(time, died, x.Select(r => r[0] == 1 ? "treated" : "cohort").ToList());
        var treatedCurve = KaplanMeier.Fit(time.Take(treated.Count).ToList(), died.Take(treated.Count).ToList(), ConfidenceType.LogLog);

        var (medianTreated, logRankMeasure, hazard) = (comparison.Survival[0], comparison.Survival[2], comparison.Survival[3]);
        Assert.Equal(treatedCurve.Median, medianTreated.Estimate!.Value, 9);
        Assert.Equal(logRank.ChiSquare, logRankMeasure.Estimate!.Value, 9);
        Assert.Equal(logRank.P, logRankMeasure.P!.Value, 9);
        Assert.Equal(cox.Coefficients[0].HazardRatio, hazard.Estimate!.Value, 9);
        Assert.Equal(cox.Coefficients[0].Lower, hazard.Lower!.Value, 9);
        Assert.Equal(cox.Coefficients[0].P, hazard.P!.Value, 9);
        Assert.Equal(treated.Count + cohort.Count, hazard.Denominator);
        Assert.Equal(died.Count(d => d), hazard.Numerator);
    }

    [Fact]
    public void Too_few_comparable_subjects_give_no_figure_and_say_so()
    {
        var (treated, cohort) = Generated(5, 120);
        var comparison = Compare(treated, cohort);
        Assert.All(comparison.Progression, m => Assert.Null(m.Estimate));
        Assert.Null(comparison.Survival[3].Estimate);
        Assert.Contains("too few", comparison.Survival[3].Shortfall, StringComparison.Ordinal);
    }

    [Fact]
    public void The_audit_reports_one_comparison_per_cohort_and_none_without()
    {
        var (treated, cohort) = Generated(20, 30);
        Assert.Empty(ClaimsAudit.Compute(treated, DataDate).Comparisons);
        var report = ClaimsAudit.Compute(treated, DataDate, cohorts:
            [new ExternalCohortFacts("B", "source B", false, false, cohort), new ExternalCohortFacts("A", "source A", true, true, cohort)]);
        Assert.Equal(["B", "A"], report.Comparisons.Select(c => c.Cohort));
        Assert.Contains("\"externalCohorts\"", ClaimsAuditJson.Write(report), StringComparison.Ordinal);
    }

    /// <summary>The subjects inside the shared ranges the comparison reports, their baseline values computed here.</summary>
    private static (List<PatientFacts>, List<CohortSubjectFacts>) Comparable(CohortComparison comparison, List<PatientFacts> treated, List<CohortSubjectFacts> cohort)
    {
        bool Inside(double baseline, int baselineDay, int onsetDay)
        {
            var months = (baselineDay - onsetDay) / 30.4375;
            double[] values = [baseline, months, (48 - baseline) / months];
            return comparison.Support.Ranges.Select((r, i) => r.Contains(values[i])).All(x => x);
        }
        var t = treated.Where(p => p.Assessments.Last(a => a.Date <= p.FirstCourse!.Value) is var b && Inside(b.Total, b.Date.DayNumber, p.OnsetDate!.Value.DayNumber)).ToList();
        var c = cohort.Where(s => Inside(s.Scores[0].Total, s.Scores[0].Date.DayNumber, s.OnsetDate!.Value.DayNumber)).ToList();
        Assert.Equal((comparison.Support.TreatedKept, comparison.Support.CohortKept), (t.Count, c.Count));
        Assert.True(t.Count >= 20 && c.Count >= 60, $"only {t.Count} treated and {c.Count} cohort comparable: the generator no longer makes overlapping groups");
        return (t, c);
    }

    private static CohortComparison Compare(IReadOnlyList<PatientFacts> treated, IReadOnlyList<CohortSubjectFacts> cohort) =>
        CohortComparison.Compute(treated, new ExternalCohortFacts("PRO-ACT placebo", "test", false, false, cohort), Parameters);

    /// <summary>Treated patients declining 0.5 points/month after the first course, cohort subjects 1.0, from the same baseline distribution.</summary>
    private static (List<PatientFacts> Treated, List<CohortSubjectFacts> Cohort) Generated(int treated, int cohort)
    {
        var random = new Random(20261207);
        var t = Enumerable.Range(0, treated).Select(i => Patient(30 + random.Next(12), -0.5, 10 + random.Next(20), random.NextDouble() < 0.4 ? 12 + random.Next(30) : null, i)).ToList();
        var c = Enumerable.Range(0, cohort).Select(i => Subject($"C{i:000}", 30 + random.Next(12), -1.0, 10 + random.Next(20), random.NextDouble() < 0.5 ? 13 + random.Next(24) : null, i)).ToList();
        return (t, c);
    }

    private static PatientFacts Patient(int baseline, double slope, int durationMonths, int? died, int seed)
    {
        var random = new Random(seed);
        var onset = Start.AddMonths(-durationMonths);
        var scores = new List<AssessmentFact> { Score(-10, baseline) };
        for (var visit = 1; visit <= 4; visit++)
            scores.Add(Score(-10 + 91 * visit, Math.Clamp((int)Math.Round(baseline + slope * 3 * visit + random.Next(-1, 2)), 0, 48)));
        return Treated() with
        {
            DateOfBirth = onset.AddYears(-(50 + seed % 20)),
            OnsetDate = onset,
            OnsetSite = seed % 3 == 0 ? OnsetSite.Bulbar : OnsetSite.LowerLimb,
            Assessments = scores,
            DateOfDeath = died is { } d ? Start.AddMonths(d) : null,
            LastKnownAliveOn = died is null ? Start.AddDays(600) : null,
        };
    }

    private static CohortSubjectFacts Subject(string id, int baseline, double slope, int durationMonths, int? diedAfterMonths, int seed)
    {
        var random = new Random(seed + 1000);
        var scores = Enumerable.Range(0, 5).Select(v => new CohortScore(DayZero.AddDays(91 * v), Math.Clamp(Math.Round(baseline + slope * 3 * v + random.Next(-1, 2)), 0, 48))).ToList();
        return new CohortSubjectFacts
        {
            SubjectId = id,
            DayZero = DayZero,
            AgeAtDayZero = 55 + seed % 15,
            OnsetDate = DayZero.AddMonths(-durationMonths),
            BulbarOnset = seed % 4 == 0,
            DateOfDeath = diedAfterMonths is { } d ? DayZero.AddMonths(d) : null,
            LastContact = DayZero.AddDays(91 * 4),
            Scores = scores,
        };
    }
}

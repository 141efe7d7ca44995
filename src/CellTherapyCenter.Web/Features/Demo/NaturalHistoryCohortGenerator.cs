using CellTherapyCenter.Clinical;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Data.Cohorts;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Statistics.Prediction;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>The synthetic natural-history cohort as PRO-ACT rows: dates are day offsets from <see cref="ExternalCohort.Anchor"/> (day 0 = trial entry).</summary>
public sealed class NaturalHistoryCohort
{
    public List<ExternalCohortSubject> Subjects { get; } = [];
    public List<ExternalCohortAlsfrs> Alsfrs { get; } = [];
    public List<ExternalCohortFvc> Fvc { get; } = [];
}

/// <summary>
/// An untreated natural-history cohort in PRO-ACT form, drawn from the same disease model as the
/// demo's patients (<see cref="DemoCohortGenerator"/>): the same onset site mix, age, sex, ALSFRS-R
/// slope, diagnostic delay and ENCALS survival. Day 0 (trial entry) falls 1 to 12 months after the
/// diagnosis, as the demo's first course does, and only subjects alive then are enrolled, as only
/// patients alive at their course are treated: so baseline ALSFRS-R, disease duration and ΔFRS
/// overlap those of the treated patients, which is what the outcomes comparison keeps. ALSFRS-R
/// visits every 1 to 3 months for 12 to 18 months (a tenth drop out earlier), about one visit in
/// eight missed, FVC at most visits, deaths within follow-up with their day. Its own random stream
/// (from the same seed), so adding it leaves the demo patients as they were. Deterministic.
/// </summary>
public sealed class NaturalHistoryCohortGenerator(DemoCohortOptions options)
{
    private readonly SeededRandom _r = new(unchecked((options.Seed * 7919) + 104_729));

    public NaturalHistoryCohort Generate()
    {
        var cohort = new NaturalHistoryCohort();
        for (var i = 1; i <= options.NaturalHistorySubjects; i++) AddSubject(cohort, (100_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return cohort;
    }

    private static int Day(double months) => (int)Math.Round(months * ClinicalMonth.Days);

    private void AddSubject(NaturalHistoryCohort cohort, string subjectId)
    {
        // Drawn as a demo patient is; a subject who would not be alive at day 0 is never enrolled, so draw again.
        while (true)
        {
            var female = _r.Chance(0.4);
            var ageAtOnset = Math.Clamp(_r.Normal(58, 11), 25, 85);
            var (site, slope, diagnosisMonths, elEscorial, ftd, c9orf72, eventMonths, ventilatedFirst, tracheostomy, survivalMonths) = DrawnDisease.Draw(_r, ageAtOnset);
            var entryMonths = diagnosisMonths + _r.Uniform(1, 12);
            // Enrolled alive, with at least the day-0 visit before death.
            if (Day(survivalMonths) <= Day(entryMonths)) continue;
            Enrol(cohort, subjectId, female, ageAtOnset, site, slope, diagnosisMonths, entryMonths, eventMonths, survivalMonths, ventilatedFirst, tracheostomy);
            return;
        }
    }

    private void Enrol(NaturalHistoryCohort cohort, string subjectId, bool female, double ageAtOnset, OnsetSite site, double slope,
        double diagnosisMonths, double entryMonths, double eventMonths, double survivalMonths, bool ventilatedFirst, bool tracheostomy)
    {
        var day0 = ExternalCohort.Anchor;
        var onset = day0.AddDays(-Day(entryMonths));
        var diagnosis = day0.AddDays(-Day(entryMonths - diagnosisMonths));
        var death = onset.AddDays(Day(survivalMonths));
        // Follow-up: 12 to 18 months, a tenth leave the study earlier; deaths are known within follow-up.
        var followUpMonths = _r.Uniform(12, 18);
        if (_r.Chance(0.1)) followUpMonths = _r.Uniform(3, followUpMonths);
        var followUpEnd = day0.AddDays(Day(followUpMonths));
        var died = death <= followUpEnd;
        var end = died ? death : followUpEnd;
        DateOnly? ventilationOn = ventilatedFirst && onset.AddDays(Day(eventMonths)) is var v && v <= end ? v : null;
        var disease = new DiseaseCourse(_r, onset, site, slope, end, effectPerMonth: 0, ventilationOn, tracheostomy);

        var subject = new ExternalCohortSubject
        {
            SubjectId = subjectId,
            DemographicsOn = day0,
            Age = Math.Round(ageAtOnset + entryMonths / 12, 1),
            Sex = female ? Sex.Female : Sex.Male,
            SiteOfOnset = SiteOfOnset(site),
            OnsetOn = onset,
            DiagnosedOn = diagnosis,
            Died = died,
            DiedOn = died ? death : null,
            UsedRiluzole = _r.Chance(0.8),
        };
        if (subject.UsedRiluzole == true) subject.RiluzoleFrom = diagnosis.AddDays(_r.Int(0, day0.DayNumber - diagnosis.DayNumber + 1));
        subject.OnsetSite = ProAct.ProActLayout.OnsetSiteOf(subject.SiteOfOnset);
        cohort.Subjects.Add(subject);

        var predictedLitres = (female ? 3.4 : 4.6) - 0.025 * (subject.Age!.Value - 50);
        var date = day0;
        while (date < end)
        {
            // Day 0 is always seen; later visits are missed about one time in eight.
            if (date == day0 || !_r.Chance(0.12)) AddVisit(cohort, subject, disease, date, predictedLitres);
            var next = date.AddDays(Day(_r.Uniform(1, 3)));
            // The last visit of a subject alive at the end of follow-up is the end-of-study visit.
            if (next >= end && !died && date < end.AddDays(-14)) { AddVisit(cohort, subject, disease, end, predictedLitres); break; }
            date = next;
        }
    }

    private void AddVisit(NaturalHistoryCohort cohort, ExternalCohortSubject subject, DiseaseCourse disease, DateOnly date, double predictedLitres)
    {
        var responses = disease.ResponsesOn(date);
        var gastrostomy = responses.CuttingFoodVersion == CuttingFoodVersion.WithGastrostomy5b;
        cohort.Alsfrs.Add(new ExternalCohortAlsfrs
        {
            SubjectId = subject.Id,
            Scale = AlsfrsScale.AlsfrsR,
            AssessedOn = date,
            Q1 = responses.Speech, Q2 = responses.Salivation, Q3 = responses.Swallowing, Q4 = responses.Handwriting,
            Q5a = gastrostomy ? null : responses.CuttingFood,
            Q5b = gastrostomy ? responses.CuttingFood : null,
            Q6 = responses.DressingHygiene, Q7 = responses.TurningInBed, Q8 = responses.Walking, Q9 = responses.ClimbingStairs,
            R1 = responses.Dyspnea, R2 = responses.Orthopnea, R3 = responses.RespiratoryInsufficiency,
            AlsfrsRTotal = AlsfrsRScore.Of(responses).Total,
        });
        if (_r.Chance(0.15)) return; // no FVC at this visit
        var percent = Math.Round(Math.Clamp(100 - disease.PointsLost(date) * 1.6 + _r.Normal(0, 6), 15, 130), 1);
        cohort.Fvc.Add(new ExternalCohortFvc
        {
            SubjectId = subject.Id,
            MeasuredOn = date,
            Litres1 = Math.Round(Math.Max(0.3, predictedLitres) * percent / 100, 2),
            PercentPredicted1 = percent,
        });
    }

    /// <summary>The demo's onset site mix (as <see cref="DemoCohortGenerator"/> draws it).</summary>

    /// <summary>PRO-ACT's Site_of_Onset wording: limb onsets are not told apart; generalised is limb and bulbar, respiratory other.</summary>
    private static string SiteOfOnset(OnsetSite site) => site switch
    {
        OnsetSite.Bulbar => "Onset: Bulbar",
        OnsetSite.UpperLimb or OnsetSite.LowerLimb => "Onset: Limb",
        OnsetSite.Generalised => "Onset: Limb and Bulbar",
        _ => "Onset: Other",
    };
}

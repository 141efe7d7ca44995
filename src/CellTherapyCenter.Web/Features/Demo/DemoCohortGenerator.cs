using CellTherapyCenter.Clinical;
using CellTherapyCenter.Clinical.AdverseEvents;
using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.AdverseEvents;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Diagnoses;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Data.Vitals;
using CellTherapyCenter.Statistics.Prediction;

namespace CellTherapyCenter.Web.Features.Demo;

/// <summary>
/// Builds a synthetic cohort that follows the natural history of ALS (shared/domain/natural-history.md):
/// ALSFRS-R slope about -0.9 ± 0.57 points/month with ~7% nearly flat, and the first of death,
/// tracheostomy or full-time ventilation drawn from the ENCALS model for each patient's own
/// predictors (shorter when the decline is faster, as in the model). The first course is planned 1 to 12 months after
/// the diagnosis, whatever the patient's survival; those who die or whose data end before it are
/// not treated. About 45% of the treated repeat. Scores before the first course: one at the
/// diagnosis, and for half the patients the self-scored one of their first request. Without a treatment
/// effect the courses change nothing: what the analytics then show is natural history alone.
/// Deterministic: one seed, one cohort.
/// </summary>
public sealed class DemoCohortGenerator(DemoCohortOptions options, DateOnly dataDate)
{
    private static readonly string[] Countries = ["RS", "RS", "RS", "RS", "UA", "UA", "BA", "ME", "DE", "MK"];
    private static readonly ChangeAspect[] ReportedAspects = [ChangeAspect.Weakness, ChangeAspect.Appetite, ChangeAspect.Mood, ChangeAspect.Fasciculations, ChangeAspect.Spasticity, ChangeAspect.SpeechAndSwallowing, ChangeAspect.Breathing];

    private readonly SeededRandom _r = new(options.Seed);

    public DemoCohort Generate()
    {
        var cohort = new DemoCohort();
        var pseudonyms = new HashSet<string>();
        for (var i = 0; i < options.Patients; i++) AddPatient(cohort, pseudonyms);
        return cohort;
    }

    private DateOnly MonthsAfter(DateOnly date, double months) => date.AddDays((int)Math.Round(months * ClinicalMonth.Days));

    private static double MonthsBetween(DateOnly from, DateOnly to) => ClinicalMonth.Between(from, to);

    private T Stamp<T>(T record) where T : RegistryRecord
    {
        record.Id = _r.Guid();
        record.ConcurrencyStamp = _r.Guid();
        return record;
    }

    private void AddPatient(DemoCohort cohort, HashSet<string> pseudonyms)
    {
        var female = _r.Chance(0.4);
        var onset = MonthsAfter(dataDate, -_r.Uniform(4, 110));
        var ageAtOnset = Math.Clamp(_r.Normal(58, 11), 25, 85);
        var birth = onset.AddDays(-(int)(ageAtOnset * 365.25));
        string pseudonym;
        do pseudonym = "CTC-" + _r.HexCode(6); while (!pseudonyms.Add(pseudonym));

        var country = _r.Pick(Countries);
        var patient = Stamp(new Patient
        {
            FamilyName = DemoNames.Family(country, _r.Uniform()),
            GivenName = DemoNames.Given(country, female, _r.Uniform()),
            Pseudonym = pseudonym,
            Sex = female ? Sex.Female : Sex.Male,
            DateOfBirth = birth,
            Country = country,
            PreferredLanguage = country switch { "UA" => "uk", "RS" or "BA" or "ME" => "sr", _ => "en" },
            Phone = "+3816" + _r.Int(10000000, 99999999),
            Email = $"demo.{pseudonym.ToLowerInvariant()}@example.invalid",
            IsSynthetic = true,
        });
        cohort.Patients.Add(patient);
        AddConsents(cohort, patient, onset);

        var (site, slope, diagnosisMonths, elEscorial, ftd, c9orf72, eventMonths, ventilatedFirst, tracheostomy, survivalMonths) = DrawnDisease.Draw(_r, ageAtOnset);
        var death = MonthsAfter(onset, survivalMonths);
        var dead = death <= dataDate;
        var end = dead ? death : dataDate;
        var diagnosisDate = Min(MonthsAfter(onset, diagnosisMonths), end.AddDays(-1));
        if (diagnosisDate <= onset) diagnosisDate = onset.AddDays(1);
        DateOnly? ventilationOn = ventilatedFirst && MonthsAfter(onset, eventMonths) is var v && v <= end ? v : null;

        var sod1 = _r.Chance(0.02) ? GeneticResult.Positive : GeneticResult.Negative;
        cohort.Diagnoses.Add(Stamp(new Diagnosis
        {
            PatientId = patient.Id,
            OnsetDate = onset,
            OnsetSite = site,
            AffectedRegions = Regions(site),
            DiagnosisDate = diagnosisDate,
            ElEscorial = elEscorial,
            GoldCoastMet = _r.Chance(0.92),
            FrontotemporalDementia = ftd,
            C9orf72 = c9orf72 ? GeneticResult.Positive : GeneticResult.Negative,
            Sod1 = sod1,
            TakesRiluzole = _r.Chance(0.8),
            TakesEdaravone = _r.Chance(0.1),
            TakesTofersen = sod1 == GeneticResult.Positive && _r.Chance(0.7),
        }));

        var firstAssessment = cohort.Assessments.Count;
        var firstVisit = cohort.Visits.Count;
        var disease = new DiseaseCourse(_r, onset, site, slope, end, options.TreatmentEffectPointsPerMonth, ventilationOn, tracheostomy);
        var courses = PlanCourses(patient, diagnosisDate, end);
        cohort.Courses.AddRange(courses);
        foreach (var course in courses)
        {
            disease.AddCourse(course.StartDate);
            AddTransplantations(cohort, patient, course, end);
            if (_r.Chance(0.15)) AddAdverseEvent(cohort, patient, course, end);
        }
        AddPreCourseScores(cohort, patient, disease, diagnosisDate, courses.FirstOrDefault()?.StartDate ?? end);
        AddVisits(cohort, patient, courses, disease, end);

        cohort.VitalStatuses.Add(Stamp(new VitalStatus
        {
            PatientId = patient.Id,
            IsAlive = !dead,
            DateOfDeath = dead ? death : null,
            CauseOfDeath = dead ? (_r.Chance(0.8) ? "Respiratory failure" : "Pneumonia") : null,
            LastKnownAliveOn = dead ? death : MonthsAfter(dataDate, -_r.Uniform(0, 2)),
            GastrostomyDate = disease.GastrostomyOn,
            PermanentVentilationDate = disease.PermanentVentilationOn,
            TracheostomyDate = disease.TracheostomyOn,
        }));
        Summarise(patient, dead, cohort.Assessments.Skip(firstAssessment), cohort.Visits.Skip(firstVisit));
    }


    private BodyRegions Regions(OnsetSite site)
    {
        var regions = site switch
        {
            OnsetSite.Bulbar => BodyRegions.Bulbar,
            OnsetSite.UpperLimb => BodyRegions.Cervical,
            OnsetSite.LowerLimb => BodyRegions.Lumbosacral,
            OnsetSite.Respiratory => BodyRegions.Thoracic,
            _ => BodyRegions.Cervical | BodyRegions.Lumbosacral,
        };
        foreach (var extra in new[] { BodyRegions.Bulbar, BodyRegions.Cervical, BodyRegions.Thoracic, BodyRegions.Lumbosacral })
            if (_r.Chance(0.45)) regions |= extra;
        return regions;
    }

    private void AddConsents(DemoCohort cohort, Patient patient, DateOnly onset)
    {
        var given = onset.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(_r.Int(60, 400));
        if (given > dataDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) given = dataDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        void Add(ConsentKind kind, string wording) => cohort.Consents.Add(Stamp(new ConsentRecord { PatientId = patient.Id, Kind = kind, Wording = wording, GivenAt = given }));
        Add(ConsentKind.HealthDataProcessing, "Synthetic demo consent: the clinic may record and process my health data for my care.");
        Add(ConsentKind.ResearchUse, "Synthetic demo consent: my pseudonymised data may be used to evaluate the treatment's outcomes.");
        if (_r.Chance(0.05)) Add(ConsentKind.CasePublication, "Synthetic demo consent: my case may be published with my initials and age.");
    }

    private List<TreatmentCourse> PlanCourses(Patient patient, DateOnly diagnosis, DateOnly end)
    {
        var courses = new List<TreatmentCourse>();
        // The first course is planned from the diagnosis alone, never from the patient's death: a
        // patient who dies (or whose data end) before the planned date has no course. Moving the
        // course earlier for those who die soon would treat exactly the patients about to die,
        // and observed/expected survival after the course would no longer centre on 1.
        var start = MonthsAfter(diagnosis, _r.Uniform(1, 12));
        var repeatChance = 0.45;
        while (start < end && courses.Count < 6)
        {
            courses.Add(Stamp(new TreatmentCourse { PatientId = patient.Id, Number = courses.Count + 1, StartDate = start, EndDate = Min(start.AddDays(_r.Int(3, 10)), end) }));
            if (!_r.Chance(repeatChance)) break;
            repeatChance = 0.5;
            start = MonthsAfter(start, _r.Uniform(8, 24));
        }
        return courses;
    }

    private void AddTransplantations(DemoCohort cohort, Patient patient, TreatmentCourse course, DateOnly end)
    {
        var count = _r.Chance(0.3) ? 2 : 1;
        for (var i = 0; i < count && course.StartDate.AddDays(i * 2) <= end; i++)
            cohort.Transplantations.Add(Stamp(new Transplantation
            {
                TreatmentCourseId = course.Id,
                PatientId = patient.Id,
                Date = course.StartDate.AddDays(i * 2),
                CellProductLot = $"DEMO-LOT-{course.StartDate.Year}-{_r.Int(1, 200):000}",
                SuspensionCount = 4,
                VolumeMl = Math.Round((decimal)_r.Uniform(2, 16), 1),
                Route = _r.Chance(0.6) ? AdministrationRoute.IntravenousDrip : AdministrationRoute.Subcutaneous,
            }));
    }

    private void AddAdverseEvent(DemoCohort cohort, Patient patient, TreatmentCourse course, DateOnly end)
    {
        var onset = Min(course.StartDate.AddDays(_r.Int(0, 4)), end);
        cohort.AdverseEvents.Add(Stamp(new AdverseEvent
        {
            PatientId = patient.Id,
            TreatmentCourseId = course.Id,
            Term = _r.Pick(["Headache", "Fever", "Injection-site reaction", "Nausea"]),
            OnsetDate = onset,
            ResolvedDate = Min(onset.AddDays(_r.Int(1, 5)), end),
            Grade = _r.Chance(0.8) ? CtcaeGrade.Mild : CtcaeGrade.Moderate,
            Relatedness = (Relatedness)_r.Int(2, 5),
            Outcome = AdverseEventOutcome.Recovered,
        }));
    }

    /// <summary>
    /// The scores before the first course (or before the end, for a patient never treated): the
    /// ALSFRS-R and FVC recorded at the diagnosis, and for about half the patients the self-scored
    /// ALSFRS-R sent with their first request to the clinic, some time between the diagnosis and
    /// the course. The audit's measured pre-course slopes come from these and the baseline.
    /// </summary>
    private void AddPreCourseScores(DemoCohort cohort, Patient patient, DiseaseCourse disease, DateOnly diagnosis, DateOnly until)
    {
        var requested = _r.Chance(0.5);
        var requestedAt = _r.Uniform(0.1, 0.9);
        if (diagnosis >= until) return;
        AddVisit(cohort, patient, disease, null, diagnosis, VisitKind.Unscheduled, firstFollowUp: false);
        var request = diagnosis.AddDays((int)(requestedAt * (until.DayNumber - diagnosis.DayNumber)));
        if (requested && request > diagnosis && request < until.AddDays(-1))
            AddAssessment(cohort, patient, disease, request, null, _r.Chance(0.6) ? AssessmentRater.Patient : AssessmentRater.Caregiver, AssessmentMode.SelfAdministeredOnline);
    }

    private void AddVisits(DemoCohort cohort, Patient patient, List<TreatmentCourse> courses, DiseaseCourse disease, DateOnly end)
    {
        for (var c = 0; c < courses.Count; c++)
        {
            var course = courses[c];
            var until = c + 1 < courses.Count ? courses[c + 1].StartDate.AddDays(-2) : end;
            AddVisit(cohort, patient, disease, course, course.StartDate.AddDays(-1), VisitKind.Baseline, firstFollowUp: false);
            var first = true;
            foreach (var months in FollowUpMonths())
            {
                var date = MonthsAfter(course.StartDate, months + _r.Uniform(-0.3, 0.3));
                if (date > until) break;
                if (_r.Chance(0.15)) continue; // missed visit
                AddVisit(cohort, patient, disease, course, date, VisitKind.FollowUp, first);
                first = false;
            }
            // Self-reports at home between visits, in about a fifth of months.
            for (var m = 1.0; MonthsAfter(course.StartDate, m) < until; m += 1)
                if (_r.Chance(options.SelfReportShare))
                    AddAssessment(cohort, patient, disease, MonthsAfter(course.StartDate, m), null,
                        _r.Chance(0.6) ? AssessmentRater.Patient : AssessmentRater.Caregiver, AssessmentMode.SelfAdministeredOnline);
        }
    }

    private static IEnumerable<double> FollowUpMonths()
    {
        yield return 2; yield return 3; yield return 6; yield return 12;
        for (var m = 24; m < 240; m += 12) yield return m;
    }

    private void AddVisit(DemoCohort cohort, Patient patient, DiseaseCourse disease, TreatmentCourse? course, DateOnly date, VisitKind kind, bool firstFollowUp)
    {
        var lost = disease.PointsLost(date);
        var visit = Stamp(new Visit
        {
            PatientId = patient.Id,
            Date = date,
            Kind = kind,
            TreatmentCourseId = course?.Id,
            FvcPercentPredicted = Math.Round(Math.Clamp(100 - lost * 1.6 + _r.Normal(0, 6), 15, 130), 1),
            WeightKg = Math.Round(Math.Clamp((patient.Sex == Sex.Female ? 66 : 80) - lost * 0.3 + _r.Normal(0, 4), 35, 140), 1),
        });
        cohort.Visits.Add(visit);
        AddAssessment(cohort, patient, disease, date, visit.Id, AssessmentRater.Clinician, AssessmentMode.InPerson);
        if (kind == VisitKind.Baseline || firstFollowUp)
            foreach (var symptom in AlsSymptoms.All)
                cohort.Symptoms.Add(Stamp(new SymptomObservation { VisitId = visit.Id, PatientId = patient.Id, Symptom = symptom, Severity = Severity(symptom, lost) }));
        if (!firstFollowUp) return;

        foreach (var domain in Enum.GetValues<ExaminationDomain>())
            if (_r.Chance(0.5))
                cohort.ExaminationFindings.Add(Stamp(new ExaminationFinding
                {
                    VisitId = visit.Id, PatientId = patient.Id, Domain = domain,
                    // Examination noise around a steady decline: a few "improved" findings appear without any effect.
                    Change = _r.Uniform() switch { < 0.08 => ExaminationChange.Improved, < 0.7 => ExaminationChange.Unchanged, _ => ExaminationChange.Worsened },
                }));
        foreach (var aspect in ReportedAspects)
            cohort.ReportedChanges.Add(Stamp(new PatientReportedChange
            {
                VisitId = visit.Id, PatientId = patient.Id, Aspect = aspect,
                // About 7% per aspect report improvement: ~30% in at least one of five, as placebo arms do.
                Rating = _r.Uniform() switch
                {
                    < 0.015 => ChangeRating.MuchImproved,
                    < 0.07 => ChangeRating.MinimallyImproved,
                    < 0.6 => ChangeRating.NoChange,
                    < 0.9 => ChangeRating.MinimallyWorse,
                    _ => ChangeRating.MuchWorse,
                },
            }));
    }

    private SymptomSeverity Severity(AlsSymptom symptom, double lost)
    {
        var level = lost / 12 + _r.Normal(0, 0.7) - (symptom is AlsSymptom.PseudobulbarAffect or AlsSymptom.Depression ? 1 : 0);
        return (SymptomSeverity)Math.Clamp((int)Math.Round(level), 0, 3);
    }

    private void AddAssessment(DemoCohort cohort, Patient patient, DiseaseCourse disease, DateOnly date, Guid? visitId, AssessmentRater rater, AssessmentMode mode)
    {
        var assessment = Stamp(new AlsfrsRAssessment { PatientId = patient.Id, VisitId = visitId, AssessedOn = date, Rater = rater, Mode = mode });
        assessment.SetResponses(disease.ResponsesOn(date));
        cohort.Assessments.Add(assessment);
    }

    /// <summary>The patient's summary columns, as PatientSummaries.RefreshAsync would compute them.</summary>
    private static void Summarise(Patient patient, bool dead, IEnumerable<AlsfrsRAssessment> assessments, IEnumerable<Visit> visits)
    {
        var latest = assessments.OrderBy(a => a.AssessedOn).LastOrDefault();
        patient.VitalState = dead ? VitalState.Deceased : VitalState.Alive;
        patient.LatestAlsfrsRTotal = latest?.Total;
        patient.CurrentKingsStage = dead ? KingsStageValue.Stage5 : latest?.KingsStage;
        patient.CurrentMitosStage = dead ? Clinical.Staging.MitosStage.DeathStage : latest?.MitosStage;
        patient.LastVisitOn = visits.Max(v => (DateOnly?)v.Date);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

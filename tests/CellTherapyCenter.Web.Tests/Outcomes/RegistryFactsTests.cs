using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Data.Vitals;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.Features.Outcomes;
using CellTherapyCenter.Web.Features.PublicSite.Outcomes;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Outcomes;

/// <summary>
/// The claims audit's facts as <see cref="RegistryFacts"/> reads them off each database's data
/// reader: every field of a patient with a full record, voided records left out, nulls kept null.
/// </summary>
public sealed class RegistryFactsTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    private static readonly DateOnly Day = new(2025, 3, 1);

    [Theory, EveryDatabase]
    public async Task Every_fact_of_a_patient_is_read_and_voided_records_are_left_out(DatabaseProvider database)
    {
        _app = apps[database];
        var (patientId, voidedPatientId, stored) = await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Faktova");
            var voidedPatient = Arrange.Patient("Ponistena");
            voidedPatient.Void("entered twice", "test", DateTime.UtcNow);
            db.Patients.AddRange(p, voidedPatient);
            var diagnosis = Arrange.Diagnosis(p.Id);
            diagnosis.ElEscorial = null;
            diagnosis.FrontotemporalDementia = true;
            diagnosis.C9orf72 = GeneticResult.Positive;
            db.Diagnoses.Add(diagnosis);
            db.VitalStatuses.Add(new VitalStatus
            {
                PatientId = p.Id, IsAlive = false, DateOfDeath = Day.AddDays(300), LastKnownAliveOn = Day.AddDays(290),
                TracheostomyDate = Day.AddDays(250), GastrostomyDate = Day.AddDays(200),
            });
            var voidedCourse = new TreatmentCourse { PatientId = p.Id, Number = 3, StartDate = Day.AddDays(-30) };
            voidedCourse.Void("wrong patient", "test", DateTime.UtcNow);
            db.TreatmentCourses.AddRange(
                new TreatmentCourse { PatientId = p.Id, Number = 2, StartDate = Day.AddDays(180) },
                new TreatmentCourse { PatientId = p.Id, Number = 1, StartDate = Day },
                voidedCourse);

            var rated = new Visit { PatientId = p.Id, Date = Day.AddDays(40), Kind = VisitKind.FollowUp, FvcPercentPredicted = 81.5 };
            var plain = new Visit { PatientId = p.Id, Date = Day.AddDays(90), Kind = VisitKind.FollowUp };
            var voidedVisit = new Visit { PatientId = p.Id, Date = Day.AddDays(60), Kind = VisitKind.FollowUp, FvcPercentPredicted = 70 };
            voidedVisit.Void("duplicate", "test", DateTime.UtcNow);
            db.Visits.AddRange(plain, rated, voidedVisit);
            var voidedRating = new PatientReportedChange { VisitId = rated.Id, PatientId = p.Id, Aspect = ChangeAspect.Appetite, Rating = ChangeRating.VeryMuchImproved };
            voidedRating.Void("misread", "test", DateTime.UtcNow);
            db.PatientReportedChanges.AddRange(
                new PatientReportedChange { VisitId = rated.Id, PatientId = p.Id, Aspect = ChangeAspect.Weakness, Rating = ChangeRating.MuchImproved },
                new PatientReportedChange { VisitId = rated.Id, PatientId = p.Id, Aspect = ChangeAspect.Mood, Rating = ChangeRating.NoChange },
                new PatientReportedChange { VisitId = rated.Id, PatientId = p.Id, Aspect = ChangeAspect.Balance, Rating = ChangeRating.MuchWorse },
                new PatientReportedChange { VisitId = voidedVisit.Id, PatientId = p.Id, Aspect = ChangeAspect.Weakness, Rating = ChangeRating.MuchWorse },
                voidedRating);
            var voidedFinding = new ExaminationFinding { VisitId = rated.Id, PatientId = p.Id, Domain = ExaminationDomain.Dysarthria, Change = ExaminationChange.Improved };
            voidedFinding.Void("misread", "test", DateTime.UtcNow);
            db.ExaminationFindings.AddRange(
                new ExaminationFinding { VisitId = rated.Id, PatientId = p.Id, Domain = ExaminationDomain.Reflexes, Change = ExaminationChange.Improved },
                new ExaminationFinding { VisitId = rated.Id, PatientId = p.Id, Domain = ExaminationDomain.Rigidity, Change = ExaminationChange.Improved },
                new ExaminationFinding { VisitId = rated.Id, PatientId = p.Id, Domain = ExaminationDomain.Dysphagia, Change = ExaminationChange.Worsened },
                voidedFinding);

            var early = Arrange.Assessment(p.Id, Day.AddDays(-10), AlsfrsRResponses.FromScores(4, 4, 4, 3, 3, 3, 3, 4, 4, 4, 4, 4));
            var atVisit = Arrange.Assessment(p.Id, Day.AddDays(40), AlsfrsRResponses.FromScores(3, 3, 2, 2, 2, 2, 2, 2, 2, 3, 4, 4));
            atVisit.VisitId = rated.Id;
            var late = Arrange.Assessment(p.Id, Day.AddDays(120), AlsfrsRResponses.FromScores(2, 2, 1, 1, 1, 1, 1, 1, 0, 1, 1, 2));
            var voidedScore = Arrange.Assessment(p.Id, Day.AddDays(100), AlsfrsRResponses.FromScores(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4));
            voidedScore.Void("wrong patient", "test", DateTime.UtcNow);
            db.AlsfrsRAssessments.AddRange(late, voidedScore, early, atVisit);
            await db.SaveChangesAsync();
            return (p.Id, voidedPatient.Id, new[] { early, atVisit, late });
        });

        var facts = await LoadAsync();

        Assert.DoesNotContain(facts.Patients, f => f.Id == voidedPatientId);
        var f = Assert.Single(facts.Patients, f => f.Id == patientId);
        Assert.False(f.IsSynthetic);
        Assert.Equal(new DateOnly(1965, 3, 14), f.DateOfBirth);
        Assert.Equal((new DateOnly(2024, 1, 10), OnsetSite.UpperLimb, new DateOnly(2024, 9, 1)), (f.OnsetDate, f.OnsetSite, f.DiagnosisDate));
        Assert.Null(f.ElEscorial);
        Assert.True(f.FrontotemporalDementia);
        Assert.Equal(GeneticResult.Positive, f.C9orf72);
        Assert.Equal((Day.AddDays(300), Day.AddDays(290), Day.AddDays(250), (DateOnly?)null, Day.AddDays(200)),
            (f.DateOfDeath, f.LastKnownAliveOn, f.TracheostomyDate, f.PermanentVentilationDate, f.GastrostomyDate));
        Assert.Equal([Day, Day.AddDays(180)], f.CourseStarts);

        Assert.Equal(stored.Select(a => new AssessmentFact(a.AssessedOn, a.Total!.Value, a.KingsStage, a.VisitId is not null)), f.Assessments);
        Assert.Contains(f.Assessments, a => a.KingsStage is not null);

        Assert.Equal(2, f.Visits.Count);
        var first = f.Visits[0];
        Assert.Equal((Day.AddDays(40), (double?)81.5, 3, 2), (first.Date, first.FvcPercentPredicted, first.ExaminationFindings, first.ExaminationImprovements));
        Assert.Equal(new Dictionary<ChangeAspect, ChangeRating> { [ChangeAspect.Weakness] = ChangeRating.MuchImproved, [ChangeAspect.Mood] = ChangeRating.NoChange },
            first.ReportedChanges.OrderBy(r => r.Key).ToDictionary());
        var second = f.Visits[1];
        Assert.Equal((Day.AddDays(90), (double?)null, 0, 0), (second.Date, second.FvcPercentPredicted, second.ExaminationFindings, second.ExaminationImprovements));
        Assert.Empty(second.ReportedChanges);
    }

    [Theory, EveryDatabase]
    public async Task Nothing_recorded_at_a_voided_visit_counts_in_the_claims(DatabaseProvider database)
    {
        _app = apps[database];
        // Voiding a visit voids the visit row only: its ALSFRS-R, findings and ratings stay as they were stored.
        var id = await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Ponistenaposeta");
            db.Patients.Add(p);
            db.TreatmentCourses.Add(new TreatmentCourse { PatientId = p.Id, Number = 1, StartDate = Day });
            var voided = new Visit { PatientId = p.Id, Date = Day.AddDays(40), Kind = VisitKind.FollowUp, FvcPercentPredicted = 95 };
            voided.Void("entered on the wrong patient", "test", DateTime.UtcNow);
            db.Visits.Add(voided);
            db.ExaminationFindings.Add(new ExaminationFinding { VisitId = voided.Id, PatientId = p.Id, Domain = ExaminationDomain.Reflexes, Change = ExaminationChange.Improved });
            db.PatientReportedChanges.Add(new PatientReportedChange { VisitId = voided.Id, PatientId = p.Id, Aspect = ChangeAspect.Weakness, Rating = ChangeRating.MuchImproved });
            var baseline = Arrange.Assessment(p.Id, Day.AddDays(-5), AlsfrsRResponses.FromScores(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3));
            var atVoidedVisit = Arrange.Assessment(p.Id, Day.AddDays(40), AlsfrsRResponses.FromScores(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4));
            atVoidedVisit.VisitId = voided.Id;
            db.AlsfrsRAssessments.AddRange(baseline, atVoidedVisit);
            await db.SaveChangesAsync();
            return p.Id;
        });

        var f = Assert.Single((await LoadAsync()).Patients, f => f.Id == id);

        // The visit with its FVC, findings and ratings is gone, and so is the score recorded at it.
        Assert.Empty(f.Visits);
        Assert.Equal([(Day.AddDays(-5), 36, false)], f.Assessments.Select(a => (a.Date, a.Total, a.AtVisit)));
        var report = ClaimsAudit.Compute([f], Day.AddDays(400), new ClaimsAuditParameters { MinimumPatients = 1 });
        var c2 = report.Claim("C2");
        // 12 points above baseline at the voided visit would make a responder: the patient is not judged at all.
        Assert.Equal([(0, 0), (0, 0), (0, 0)], c2.Measures.Select(m => (m.Numerator ?? 0, m.Denominator)));
        Assert.Contains("1 have neither", c2.Notes[1]);
        Assert.Equal(0, report.Claim("C1").Primary.Denominator);
    }

    [Theory, EveryDatabase]
    public async Task A_patient_with_no_records_beyond_the_patient_row_has_empty_facts(DatabaseProvider database)
    {
        _app = apps[database];
        var id = await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Prazna");
            p.IsSynthetic = true;
            db.Patients.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });

        var f = Assert.Single((await LoadAsync()).Patients, f => f.Id == id);

        Assert.True(f.IsSynthetic);
        Assert.Equal((null, null, null, GeneticResult.NotTested), (f.OnsetDate, f.OnsetSite, f.FrontotemporalDementia, f.C9orf72));
        Assert.Equal((null, null), (f.DateOfDeath, f.LastKnownAliveOn));
        Assert.Empty(f.CourseStarts);
        Assert.Empty(f.Assessments);
        Assert.Empty(f.Visits);
    }

    [Theory, EveryDatabase]
    public async Task Many_patients_each_get_their_own_facts_and_the_database_orders_ids_as_the_merge_expects(DatabaseProvider database)
    {
        _app = apps[database];
        // Forty patients with random ids, so that their order in the database differs from the order of creation.
        var made = await _app.WithDbAsync(async db =>
        {
            var made = new List<(Guid Id, int Index)>();
            for (var i = 0; i < 40; i++)
            {
                var p = Arrange.Patient("Redova");
                p.Id = Guid.NewGuid();
                p.DateOfBirth = new DateOnly(1950, 1, 1).AddDays(i);
                db.Patients.Add(p);
                db.TreatmentCourses.Add(new TreatmentCourse { PatientId = p.Id, Number = 1, StartDate = Day.AddDays(i) });
                var visit = new Visit { PatientId = p.Id, Date = Day.AddDays(i + 30), Kind = VisitKind.FollowUp, FvcPercentPredicted = 50 + i };
                db.Visits.Add(visit);
                if (i % 3 == 0)
                    db.PatientReportedChanges.Add(new PatientReportedChange { VisitId = visit.Id, PatientId = p.Id, Aspect = ChangeAspect.Weakness, Rating = (ChangeRating)(1 + i % 7) });
                if (i % 4 == 0)
                    db.ExaminationFindings.Add(new ExaminationFinding { VisitId = visit.Id, PatientId = p.Id, Domain = ExaminationDomain.Reflexes, Change = ExaminationChange.Improved });
                if (i % 5 != 0)
                    db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, Day.AddDays(i + 30), AlsfrsRResponses.FromScores(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, i % 5)));
                made.Add((p.Id, i));
            }
            await db.SaveChangesAsync();
            return made;
        });

        var ordered = await _app.WithDbAsync(db => db.Patients.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        Assert.Equal(ordered.Order(Comparer<Guid>.Create(StoreOrder.Compare)), ordered);

        var facts = (await LoadAsync()).Patients.ToDictionary(f => f.Id);
        foreach (var (id, i) in made)
        {
            var f = facts[id];
            Assert.Equal(new DateOnly(1950, 1, 1).AddDays(i), f.DateOfBirth);
            Assert.Equal([Day.AddDays(i)], f.CourseStarts);
            var visit = Assert.Single(f.Visits);
            Assert.Equal((Day.AddDays(i + 30), (double?)(50 + i)), (visit.Date, visit.FvcPercentPredicted));
            Assert.Equal(i % 3 == 0 ? [new(ChangeAspect.Weakness, (ChangeRating)(1 + i % 7))] : Array.Empty<KeyValuePair<ChangeAspect, ChangeRating>>(), visit.ReportedChanges.ToArray());
            Assert.Equal(i % 4 == 0 ? (1, 1) : (0, 0), (visit.ExaminationFindings, visit.ExaminationImprovements));
            if (i % 5 == 0) Assert.Empty(f.Assessments);
            else Assert.Equal(44 + i % 5, Assert.Single(f.Assessments).Total);
        }
    }

    [Theory, EveryDatabase]
    public async Task Every_King_stage_code_is_read_back_as_stored(DatabaseProvider database)
    {
        _app = apps[database];
        string?[] codes = ["1", "2", "3", "4A", "4B", "5", null];
        var id = await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Stadijeva");
            db.Patients.Add(p);
            for (var i = 0; i < codes.Length; i++)
                db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, Day.AddDays(i), AlsfrsRResponses.FromScores(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)));
            await db.SaveChangesAsync();
            return p.Id;
        });
        // The stage is stored as computed from the answers; set each code directly to read every one back.
        for (var i = 0; i < codes.Length; i++)
        {
            var (day, code) = (Day.AddDays(i), codes[i]);
            await _app.WithDbAsync(db => db.AlsfrsRAssessments.Where(a => a.PatientId == id && a.AssessedOn == day)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.KingsStage, KingsStage.FromCode(code))));
        }

        var f = Assert.Single((await LoadAsync()).Patients, f => f.Id == id);

        Assert.Equal(codes, f.Assessments.Select(a => a.KingsStage));
    }

    [Theory, EveryDatabase]
    public async Task The_public_counts_and_the_claims_audit_agree_on_who_was_treated(DatabaseProvider database)
    {
        _app = apps[database];
        var (treated, voidedCourseOnly, voidedPatient) = await _app.WithDbAsync(async db =>
        {
            var t = Arrange.Patient("Lecena");
            var v = Arrange.Patient("Ponistenikurs");
            var gone = Arrange.Patient("Izbrisana");
            gone.Void("entered twice", "test", DateTime.UtcNow);
            db.Patients.AddRange(t, v, gone);
            var voided = new TreatmentCourse { PatientId = v.Id, Number = 1, StartDate = Day };
            voided.Void("wrong patient", "test", DateTime.UtcNow);
            db.TreatmentCourses.AddRange(new TreatmentCourse { PatientId = t.Id, Number = 1, StartDate = Day }, voided,
                new TreatmentCourse { PatientId = gone.Id, Number = 1, StartDate = Day });
            await db.SaveChangesAsync();
            return (t.Id, v.Id, gone.Id);
        });

        var inMemory = (await LoadAsync()).Patients.Where(p => p.IsTreated).Select(p => p.Id).ToHashSet();
        var counted = await _app.WithDbAsync(db => RegistryCounts.CountAsync(db, CancellationToken.None));

        Assert.Contains(treated, inMemory);
        Assert.DoesNotContain(voidedCourseOnly, inMemory);
        Assert.DoesNotContain(voidedPatient, inMemory);
        // The two figures /outcomes shows side by side count the same patients.
        Assert.Equal(inMemory.Count, counted.Treated);
    }

    [Theory, EveryDatabase]
    public async Task A_course_whose_every_transplantation_is_voided_no_longer_counts_as_treatment(DatabaseProvider database)
    {
        _app = apps[database];
        var (oneOfTwoVoided, allVoided, noneRecordedYet) = await _app.WithDbAsync(async db =>
        {
            var partly = Arrange.Patient("Delimicno");
            var emptied = Arrange.Patient("Ispraznjen");
            var pending = Arrange.Patient("Nezapisan");
            db.Patients.AddRange(partly, emptied, pending);
            var partlyCourse = new TreatmentCourse { PatientId = partly.Id, Number = 1, StartDate = Day };
            var emptiedCourse = new TreatmentCourse { PatientId = emptied.Id, Number = 1, StartDate = Day };
            db.TreatmentCourses.AddRange(partlyCourse, emptiedCourse, new TreatmentCourse { PatientId = pending.Id, Number = 1, StartDate = Day });
            Transplantation Given(TreatmentCourse c, bool voided)
            {
                var t = new Transplantation { TreatmentCourseId = c.Id, PatientId = c.PatientId, Date = Day, CellProductLot = "LOT-1", SuspensionCount = 4, VolumeMl = 2 };
                if (voided) t.Void("entered on the wrong patient", "test", DateTime.UtcNow);
                return t;
            }
            db.Transplantations.AddRange(Given(partlyCourse, voided: true), Given(partlyCourse, voided: false),
                Given(emptiedCourse, voided: true), Given(emptiedCourse, voided: true));
            await db.SaveChangesAsync();
            return (partly.Id, emptied.Id, pending.Id);
        });

        var inMemory = (await LoadAsync()).Patients.Where(p => p.IsTreated).Select(p => p.Id).ToHashSet();
        var counted = await _app.WithDbAsync(db => RegistryCounts.CountAsync(db, CancellationToken.None));

        Assert.Contains(oneOfTwoVoided, inMemory);
        Assert.DoesNotContain(allVoided, inMemory);
        Assert.Contains(noneRecordedYet, inMemory); // a course is saved before its transplantations are added
        Assert.Equal(inMemory.Count, counted.Treated);
    }

    private async Task<RegistryFacts.Snapshot> LoadAsync()
    {
        var scopes = new List<IServiceScope>();
        try
        {
            return await RegistryFacts.LoadAsync(() =>
            {
                var scope = _app.Services.CreateScope();
                lock (scopes) scopes.Add(scope);
                return scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            }, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        }
        finally
        {
            foreach (var scope in scopes) scope.Dispose();
        }
    }
}

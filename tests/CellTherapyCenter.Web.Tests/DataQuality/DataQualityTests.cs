using System.Net;
using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Web.Features.DataQuality;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.DataQuality;

/// <summary>Each data-quality rule finds the case planted for it and not a clean record (which breaks none).</summary>
public sealed class DataQualityTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    /// <summary>The page judges gaps against the real date, so the planted dates are relative to it.</summary>
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly DateOnly Recent = Today.AddDays(-30);
    private const int GapDays = 395; // the default: 365 + FollowUp:LaterVisitDaysAfter (30)
    private RegistryAppFactory _app = null!;

    /// <summary>A treated patient with a diagnosis (2024-09-01), a course with a lot of its own, a complete ALSFRS-R 30 days ago and a usual visit: no rule applies.</summary>
    private static Patient Clean(RegistryDbContext db, string family, string lot)
    {
        var p = Arrange.Patient(family);
        db.Patients.Add(p);
        db.Diagnoses.Add(Arrange.Diagnosis(p.Id));
        var course = new TreatmentCourse { PatientId = p.Id, Number = 1, StartDate = new DateOnly(2025, 2, 1) };
        course.Transplantations.Add(new Transplantation { PatientId = p.Id, Date = new DateOnly(2025, 2, 1), CellProductLot = lot, SuspensionCount = 4, VolumeMl = 8, Route = AdministrationRoute.IntravenousDrip });
        db.TreatmentCourses.Add(course);
        db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, Recent, AlsfrsRResponses.AllNormal));
        db.Visits.Add(new Visit { PatientId = p.Id, Date = new DateOnly(2025, 11, 1), Kind = VisitKind.FollowUp, FvcPercentPredicted = 95, WeightKg = 70 });
        return p;
    }

    private sealed record Planted(Guid Clean, Guid IncompleteVisit, Guid IncompleteAssessment, Guid UnusualVisit, Guid EarlyVisit,
        Guid RepeatedLotCourse, Guid SameDayPatient, Guid GapPatient, string RepeatedLot);

    private async Task<Planted> PlantAsync(string tag) => await _app.WithDbAsync(async db =>
    {
        var clean = Clean(db, $"Cleanova{tag}", $"DQ-CLEAN-{Guid.NewGuid():N}");

        var a = Clean(db, $"Incompletova{tag}", $"DQ-{Guid.NewGuid():N}");
        var incompleteVisit = new Visit { PatientId = a.Id, Date = new DateOnly(2025, 12, 1), Kind = VisitKind.FollowUp, Status = FormStatus.Incomplete };
        db.Visits.Add(incompleteVisit);
        var incompleteAssessment = Arrange.Assessment(a.Id, new DateOnly(2025, 12, 1), AlsfrsRResponses.FromScores(4, 4, 4, 4, null, 4, 4, 4, 4, 4, 4, 4));
        db.AlsfrsRAssessments.Add(incompleteAssessment);

        var b = Clean(db, $"Unusualova{tag}", $"DQ-{Guid.NewGuid():N}");
        var unusual = new Visit { PatientId = b.Id, Date = new DateOnly(2025, 12, 2), Kind = VisitKind.FollowUp, FvcPercentPredicted = 160, WeightKg = 70, RangeWarningReason = "Former rower" };
        var early = new Visit { PatientId = b.Id, Date = new DateOnly(2024, 8, 1), Kind = VisitKind.Baseline, FvcPercentPredicted = 99, WeightKg = 71 };
        db.Visits.AddRange(unusual, early);

        var lot = $"DQ-TWICE-{Guid.NewGuid():N}";
        var c = Clean(db, $"Lotova{tag}", $"DQ-{Guid.NewGuid():N}");
        var repeated = new TreatmentCourse { PatientId = c.Id, Number = 2, StartDate = new DateOnly(2025, 6, 1) };
        for (var i = 0; i < 2; i++)
            repeated.Transplantations.Add(new Transplantation { PatientId = c.Id, Date = new DateOnly(2025, 6, 1), CellProductLot = lot, SuspensionCount = 4, VolumeMl = 8, Route = AdministrationRoute.Subcutaneous });
        db.TreatmentCourses.Add(repeated);

        var d = Clean(db, $"Twiceova{tag}", $"DQ-{Guid.NewGuid():N}");
        db.AlsfrsRAssessments.Add(Arrange.Assessment(d.Id, Recent, AlsfrsRResponses.FromScores(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3)));

        // Treated, alive, last ALSFRS-R well over a year before "today"; a voided later one does not count.
        var gap = Arrange.Patient($"Gapova{tag}");
        db.Patients.Add(gap);
        db.TreatmentCourses.Add(new TreatmentCourse { PatientId = gap.Id, Number = 1, StartDate = new DateOnly(2024, 3, 1) });
        db.AlsfrsRAssessments.Add(Arrange.Assessment(gap.Id, new DateOnly(2024, 6, 1), AlsfrsRResponses.AllNormal));
        var voided = Arrange.Assessment(gap.Id, Recent, AlsfrsRResponses.AllNormal);
        voided.Void("Entered for the wrong patient", "test", DateTime.UtcNow);
        db.AlsfrsRAssessments.Add(voided);
        // Untreated or deceased patients have no follow-up gap.
        var untreated = Arrange.Patient($"Untreatedova{tag}");
        db.Patients.Add(untreated);
        db.AlsfrsRAssessments.Add(Arrange.Assessment(untreated.Id, new DateOnly(2023, 6, 1), AlsfrsRResponses.AllNormal));

        await db.SaveChangesAsync();
        return new Planted(clean.Id, incompleteVisit.Id, incompleteAssessment.Id, unusual.Id, early.Id, repeated.Id, d.Id, gap.Id, lot);
    });

    [Theory, EveryDatabase]
    public async Task Each_rule_finds_its_planted_case_and_not_the_clean_record(DatabaseProvider database)
    {
        _app = apps[database];
        var planted = await PlantAsync("Rules");
        var report = await _app.WithDbAsync(db => DataQualityRules.RunAsync(db, Today, GapDays, CancellationToken.None));
        Assert.DoesNotContain(planted.Clean, report.PatientIds);

        Assert.Contains(report.Incomplete, f => f.Record == FindingRecord.Visit && f.RecordId == planted.IncompleteVisit);
        Assert.Contains(report.Incomplete, f => f.Record == FindingRecord.Assessment && f.RecordId == planted.IncompleteAssessment && f.Problem.Contains("unanswered", StringComparison.Ordinal));

        var unusual = Assert.Single(report.Unusual, f => f.RecordId == planted.UnusualVisit);
        Assert.Equal("Former rower", unusual.Reason);
        Assert.Contains("FVC 160", unusual.Problem, StringComparison.Ordinal);
        Assert.Contains(report.Unusual, f => f.RecordId == planted.EarlyVisit && f.Problem.Contains("before the diagnosis", StringComparison.Ordinal));

        var lots = report.Duplicates.Where(f => f.Problem.Contains(planted.RepeatedLot, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lots.Count);
        Assert.All(lots, f => Assert.Equal((FindingRecord.Course, planted.RepeatedLotCourse), (f.Record, f.RecordId)));
        Assert.Equal(2, report.Duplicates.Count(f => f.Record == FindingRecord.Assessment && f.Patient.Id == planted.SameDayPatient));

        var gap = Assert.Single(report.Gaps, f => f.Patient.Id == planted.GapPatient);
        Assert.Equal(new DateOnly(2024, 6, 1), gap.Date);
        Assert.DoesNotContain(report.Gaps, f => f.Patient.FamilyName == "UntreatedovaRules");

        // A patient who died has no gap; nor does one whose follow-up is recent again.
        await _app.WithDbAsync(async db =>
        {
            var p = await db.Patients.SingleAsync(x => x.Id == planted.GapPatient);
            p.VitalState = VitalState.Deceased;
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await _app.WithDbAsync(db => DataQualityRules.GapsAsync(db, Today, GapDays, CancellationToken.None)), f => f.Patient.Id == planted.GapPatient);
    }

    [Theory, EveryDatabase]
    public async Task The_page_lists_the_findings_with_links_and_audits_the_patients_it_names(DatabaseProvider database)
    {
        _app = apps[database];
        var planted = await PlantAsync("Page");
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var response = await client.GetAsync("/staff/data-quality");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = StaffSession.Parse(await response.Content.ReadAsStringAsync());

        string Section(string id) => html.QuerySelector($"div[aria-labelledby='{id}']")?.TextContent ?? "";
        Assert.Contains("IncompletovaPage", Section("incomplete"));
        Assert.Contains("Former rower", Section("unusual"));
        Assert.Contains("LotovaPage", Section("duplicates"));
        Assert.Contains("TwiceovaPage", Section("duplicates"));
        Assert.Contains("GapovaPage", Section("gaps"));
        Assert.DoesNotContain("CleanovaPage", html.Body!.TextContent);
        Assert.NotNull(html.QuerySelector($"a[href$='/visits/{planted.UnusualVisit}']"));
        Assert.NotNull(html.QuerySelector($"a[href$='/assessments/{planted.IncompleteAssessment}']"));
        Assert.NotNull(html.QuerySelector($"a[href$='/courses/{planted.RepeatedLotCourse}']"));

        var line = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.List && a.UserName == "coordinator@test.local" && a.Detail!.Contains("data quality")).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Contains(planted.GapPatient.ToString(), line.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(planted.Clean.ToString(), line.Detail, StringComparison.Ordinal);

        // Researchers do not reach it (the registry editors' policy).
        var researcher = await _app.SignedInClientAsync(StaffRoles.Researcher);
        Assert.NotEqual(HttpStatusCode.OK, (await researcher.GetAsync("/staff/data-quality")).StatusCode);
    }
}

using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Data.Vitals;
using CellTherapyCenter.Outcomes;
using CellTherapyCenter.Web.Features.Outcomes;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Outcomes;

/// <summary>
/// After a save, the claims audit's cache reads again only the patients the save touched
/// (<see cref="RegistryFacts.RefreshAsync"/>, <see cref="RecordChanges"/>): the refreshed facts
/// must be exactly what reading the whole registry gives, on both databases.
/// </summary>
public sealed class RegistryFactsRefreshTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private static readonly DateOnly Day = new(2025, 3, 1);
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task Refreshing_the_patients_a_save_touched_gives_what_a_whole_read_gives(DatabaseProvider database)
    {
        _app = apps[database];
        var ids = await _app.WithDbAsync(async db =>
        {
            var ids = new List<Guid>();
            for (var i = 0; i < 6; i++)
            {
                var p = Arrange.Patient("Osvezena");
                p.Id = Guid.NewGuid(); // random ids: the refreshed patients fall between the kept ones
                db.Patients.Add(p);
                db.Diagnoses.Add(Arrange.Diagnosis(p.Id));
                var course = new TreatmentCourse { PatientId = p.Id, Number = 1, StartDate = Day };
                db.TreatmentCourses.Add(course);
                db.Transplantations.Add(new Transplantation { TreatmentCourseId = course.Id, PatientId = p.Id, Date = Day, CellProductLot = "LOT-1", SuspensionCount = 4, VolumeMl = 2 });
                var visit = new Visit { PatientId = p.Id, Date = Day.AddDays(90), Kind = VisitKind.FollowUp, FvcPercentPredicted = 80 - i };
                db.Visits.Add(visit);
                db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, Day.AddDays(-5), AlsfrsRResponses.FromScores(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3)));
                var atVisit = Arrange.Assessment(p.Id, Day.AddDays(90), AlsfrsRResponses.FromScores(3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2));
                atVisit.VisitId = visit.Id;
                db.AlsfrsRAssessments.Add(atVisit);
                ids.Add(p.Id);
            }
            await db.SaveChangesAsync();
            return ids;
        });
        var before = await LoadAsync();

        // Five saves, each of another kind: a new score, a voided visit (its score no longer counts),
        // a voided patient, a course no longer counted (its only transplantation voided), a death, and a new patient.
        var changed = new HashSet<Guid>();
        async Task Save(Func<RegistryDbContext, Task> change) => await _app.WithDbAsync(async db =>
        {
            await change(db);
            await db.SaveChangesAsync();
            var version = db.RecordedVersion!.Value;
            var saved = RecordChanges.Registry.Between(version - 1, version);
            Assert.NotNull(saved);
            changed.UnionWith(saved.Patients);
            return version;
        });
        await Save(db =>
        {
            db.AlsfrsRAssessments.Add(Arrange.Assessment(ids[0], Day.AddDays(180), AlsfrsRResponses.FromScores(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2)));
            return Task.CompletedTask;
        });
        await Save(async db => (await db.Visits.SingleAsync(v => v.PatientId == ids[1])).Void("wrong patient", "test", DateTime.UtcNow));
        await Save(async db => (await db.Patients.SingleAsync(p => p.Id == ids[2])).Void("entered twice", "test", DateTime.UtcNow));
        await Save(async db => (await db.Transplantations.SingleAsync(t => t.PatientId == ids[3])).Void("not given", "test", DateTime.UtcNow));
        await Save(db =>
        {
            db.VitalStatuses.Add(new VitalStatus { PatientId = ids[4], IsAlive = false, DateOfDeath = Day.AddDays(200), LastKnownAliveOn = Day.AddDays(190) });
            return Task.CompletedTask;
        });
        var added = Arrange.Patient("Nova");
        await Save(db =>
        {
            db.Patients.Add(added);
            db.TreatmentCourses.Add(new TreatmentCourse { PatientId = added.Id, Number = 1, StartDate = Day.AddDays(10) });
            return Task.CompletedTask;
        });

        Assert.Equal(new[] { ids[0], ids[1], ids[2], ids[3], ids[4], added.Id }.Order(), changed.Order());
        var refreshed = await RefreshAsync(before, new RecordChangeSet(changed, Cohorts: false));
        var whole = await LoadAsync();

        Assert.Equal(Describe(whole), Describe(refreshed));
        Assert.Equal(whole.DataDate, refreshed.DataDate);
        // The saves did change the facts: the refresh is not merely the snapshot before them.
        Assert.NotEqual(Describe(before), Describe(refreshed));
        Assert.DoesNotContain(refreshed.Patients, p => p.Id == ids[2]);
        Assert.False(refreshed.Patients.Single(p => p.Id == ids[3]).IsTreated);
        Assert.Single(refreshed.Patients.Single(p => p.Id == ids[1]).Assessments);
        // The untouched patient keeps the very facts it had.
        Assert.Same(before.Patients.Single(p => p.Id == ids[5]), refreshed.Patients.Single(p => p.Id == ids[5]));
        Assert.Equal(
            ClaimsAuditJson.Write(ClaimsAudit.Compute(whole.Patients, whole.DataDate, cohorts: whole.Cohorts)),
            ClaimsAuditJson.Write(ClaimsAudit.Compute(refreshed.Patients, refreshed.DataDate, cohorts: refreshed.Cohorts)));
    }

    [Fact]
    public void The_change_journal_answers_only_for_an_unbroken_run_of_remembered_saves()
    {
        var journal = new RecordChanges();
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var first = journal.Record([a], cohorts: false);
        var second = journal.Record([b, a], cohorts: false);
        Assert.Equal(new[] { a, b }.Order(), journal.Between(first - 1, second)!.Patients.Order());
        Assert.Equal(new[] { a, b }.Order(), journal.Between(first, second)!.Patients.Order());
        Assert.Empty(journal.Between(second, second)!.Patients);
        Assert.False(journal.Between(first - 1, second)!.Cohorts);
        Assert.Null(journal.Between(first, second + 1)); // not yet saved

        var cohort = journal.Record([], cohorts: true);
        Assert.True(journal.Between(second, cohort)!.Cohorts);

        // A bulk write: what changed is not known, across it only.
        var bulk = journal.Record(null, cohorts: true);
        Assert.Null(journal.Between(first - 1, bulk));
        var after = journal.Record([b], cohorts: false);
        Assert.Equal([b], journal.Between(bulk, after)!.Patients);

        // Saves no longer remembered: unknown.
        for (var i = 0; i <= RecordChanges.Kept; i++) journal.Record([a], cohorts: false);
        Assert.Null(journal.Between(after, journal.Version));
        Assert.Equal([a], journal.Between(journal.Version - 3, journal.Version)!.Patients);
    }

    private static string Describe(RegistryFacts.Snapshot snapshot) => string.Join("\n", snapshot.Patients.Select(p =>
        $"{p.Id} {p.IsSynthetic} {p.DateOfBirth} {p.OnsetDate} {p.OnsetSite} {p.DiagnosisDate} {p.DateOfDeath} {p.LastKnownAliveOn} " +
        $"courses {string.Join(",", p.CourseStarts)} scores {string.Join(",", p.Assessments)} visits {string.Join(",", p.Visits.Select(v => $"{v.Date}/{v.FvcPercentPredicted}/{v.ExaminationFindings}"))}"));

    private Task<RegistryFacts.Snapshot> LoadAsync() =>
        WithOpen(open => RegistryFacts.LoadAsync(open, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None));

    private Task<RegistryFacts.Snapshot> RefreshAsync(RegistryFacts.Snapshot previous, RecordChangeSet changes) =>
        WithOpen(open => RegistryFacts.RefreshAsync(previous, changes, open, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None));

    private async Task<T> WithOpen<T>(Func<Func<RegistryDbContext>, Task<T>> read)
    {
        var scopes = new List<IServiceScope>();
        try
        {
            return await read(() =>
            {
                var scope = _app.Services.CreateScope();
                lock (scopes) scopes.Add(scope);
                return scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            });
        }
        finally
        {
            foreach (var scope in scopes) scope.Dispose();
        }
    }
}

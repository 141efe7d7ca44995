using System.Text.Json;
using AngleSharp.Html.Parser;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Cohorts;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Features.ProAct;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CellTherapyCenter.Web.Tests.CommandLine.WebCommandRun;

namespace CellTherapyCenter.Web.Tests.ProAct;

/// <summary>
/// <c>import proact</c> and <c>export proact</c> end to end on both databases (docs/proact.md): the round
/// trip gives back every value, refused lines are each named and nothing is stored, the same files
/// twice change nothing, and an imported cohort stays apart from the registry's patients.
/// </summary>
public sealed class ProActCommandTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private static string[] Database(RegistryAppFactory app) =>
        ["--database", app.ConnectionString, "--provider", app.Provider == DatabaseProvider.PostgreSQL ? "postgresql" : "sqlite"];

    private static async Task<JsonElement> ImportAsync(RegistryAppFactory app, string directory, string cohort)
    {
        var (exit, stdout, stderr) = await RunAsync(["import", "proact", "--dir", directory, .. Database(app), "--cohort", cohort]);
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    [Theory, EveryDatabase]
    public async Task Import_then_export_gives_back_every_value(DatabaseProvider database)
    {
        var app = apps[database];
        var input = ProActFiles.Write(ProActFiles.Sample);
        var output = ScratchDirectory.Create("ctc-proact-out-");

        var summary = await ImportAsync(app, input, "round-trip");
        var (exit, _, stderr) = await RunAsync(["export", "proact", "--dir", output, .. Database(app), "--cohort", "round-trip"]);

        Assert.True(exit == 0, stderr);
        Assert.Equal("imported", summary.GetProperty("status").GetString());
        Assert.Equal(3, summary.GetProperty("subjects").GetInt32());
        Assert.Equal(5, summary.GetProperty("rows").GetProperty(ProActLayout.Alsfrs).GetInt32());
        Assert.Equal(["Race_Caucasian"], summary.GetProperty("ignoredColumns").GetProperty(ProActLayout.Demographics).EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["Gastrostomy"], summary.GetProperty("ignoredColumns").GetProperty(ProActLayout.Alsfrs).EnumerateArray().Select(c => c.GetString()));
        foreach (var file in ProActLayout.Files)
        {
            var expected = ProActFiles.Cells(input, file);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, ProActFiles.Cells(output, file));
        }
        // Day offsets become dates from the fixed anchor, 2000-01-01 = day 0.
        await app.WithDbAsync(async db =>
        {
            var cohort = await db.ExternalCohorts.SingleAsync(c => c.Name == "round-trip");
            var s102 = await db.ExternalCohortSubjects.SingleAsync(s => s.CohortId == cohort.Id && s.SubjectId == "102");
            Assert.Equal(new DateOnly(1998, 1, 31), s102.OnsetOn);
            Assert.Equal(new DateOnly(2001, 5, 15), s102.DiedOn);
            Assert.Equal(ExternalOnsetSite.Limb, s102.OnsetSite);
            return 0;
        });
    }

    [Theory, EveryDatabase]
    public async Task Original_ALSFRS_rows_are_never_ALSFRS_R_and_a_total_without_items_is_kept(DatabaseProvider database)
    {
        var app = apps[database];
        var summary = await ImportAsync(app, ProActFiles.Write(ProActFiles.Sample), "scales");

        Assert.Equal(3, summary.GetProperty("alsfrsRows").GetProperty("alsfrsR").GetInt32());
        Assert.Equal(2, summary.GetProperty("alsfrsRows").GetProperty("alsfrs").GetInt32());
        await app.WithDbAsync(async db =>
        {
            var cohort = await db.ExternalCohorts.SingleAsync(c => c.Name == "scales");
            var rows = await db.ExternalCohortAlsfrs.Where(r => r.CohortId == cohort.Id).ToListAsync();
            var subjects = await db.ExternalCohortSubjects.Where(s => s.CohortId == cohort.Id).ToDictionaryAsync(s => s.Id, s => s.SubjectId);
            var original = rows.Single(r => subjects[r.SubjectId] == "102" && r.AssessedOn == new DateOnly(2000, 1, 1));
            Assert.Equal((AlsfrsScale.Alsfrs, (int?)4, (int?)3, (int?)null, (int?)null, (double?)32.0, (double?)null), (original.Scale, original.Q10, original.Q5, original.Q5a, original.R1, original.AlsfrsTotal, original.AlsfrsRTotal));
            var totalOnly = rows.Single(r => subjects[r.SubjectId] == "102" && r.AssessedOn == new DateOnly(2000, 3, 1));
            Assert.Equal((AlsfrsScale.AlsfrsR, (int?)null, (double?)30.5), (totalOnly.Scale, totalOnly.Q1, totalOnly.AlsfrsRTotal));
            var originalTotalOnly = rows.Single(r => subjects[r.SubjectId] == "103");
            Assert.Equal((AlsfrsScale.Alsfrs, (double?)25.0), (originalTotalOnly.Scale, originalTotalOnly.AlsfrsTotal));
            var gastrostomy = rows.Single(r => subjects[r.SubjectId] == "101" && r.AssessedOn == new DateOnly(2000, 4, 1));
            Assert.Equal(((int?)null, (int?)2, (double?)34.0), (gastrostomy.Q5a, gastrostomy.Q5b, gastrostomy.AlsfrsRTotal));
            return 0;
        });
    }

    [Theory, EveryDatabase]
    public async Task A_file_with_bad_lines_names_each_and_stores_nothing(DatabaseProvider database)
    {
        var app = apps[database];
        var files = new Dictionary<string, string>(ProActFiles.Sample)
        {
            [ProActLayout.Demographics] = """
                subject_id,Demographics_Delta,Age,Sex
                101,0,54.5,Male
                102,0,sixty,Female
                101,0,55,Male
                103,0,70,M
                """,
            [ProActLayout.Alsfrs] = """
                subject_id,ALSFRS_Delta,Q1_Speech,ALSFRS_R_Total
                101,0,5,40
                101,1.5,3,40
                101,30,3,40,extra
                ,40,3,40
                101,60,3,40
                101,90,,
                """,
        };
        var directory = ProActFiles.Write(files);
        var cohortsBefore = await app.WithDbAsync(db => db.ExternalCohortSubjects.CountAsync());

        var (exit, stdout, stderr) = await RunAsync(["import", "proact", "--dir", directory, .. Database(app), "--cohort", "bad-lines"]);

        Assert.Equal((1, ""), (exit, stdout));
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "PROACT_ALSFRS.csv:2: Q1_Speech 5 is outside 0-4",
                "PROACT_ALSFRS.csv:3: ALSFRS_Delta 1.5 is not a whole number of days",
                "PROACT_ALSFRS.csv:4: 5 fields where the header has 4 (a comma inside a value must be quoted)",
                "PROACT_ALSFRS.csv:5: subject_id is empty",
                "PROACT_DEMOGRAPHICS.csv:3: Age 'sixty' is not a number (a decimal point, no thousands separator)",
                "PROACT_DEMOGRAPHICS.csv:4: Age '55' differs from '54.5' on line 2 for subject 101",
                "PROACT_DEMOGRAPHICS.csv:5: Sex 'M' is neither Male nor Female",
            ],
            lines[..^1]);
        Assert.Contains("7 refused line(s): nothing was stored", lines[^1]);
        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.ExternalCohorts.AnyAsync(c => c.Name == "bad-lines"));
            Assert.Equal(cohortsBefore, await db.ExternalCohortSubjects.CountAsync());
            return 0;
        });
    }

    [Theory, EveryDatabase]
    public async Task Importing_the_same_files_twice_changes_nothing_and_changed_files_replace_the_cohort(DatabaseProvider database)
    {
        var app = apps[database];
        var directory = ProActFiles.Write(ProActFiles.Sample);
        await ImportAsync(app, directory, "twice");
        async Task<(Guid Id, DateTime At, string Fingerprint, int Subjects, int Alsfrs, int Fvc, int Audit)> StateAsync() => await app.WithDbAsync(async db =>
        {
            var c = await db.ExternalCohorts.AsNoTracking().SingleAsync(c => c.Name == "twice");
            return (c.Id, c.ImportedAt, c.Fingerprint,
                await db.ExternalCohortSubjects.CountAsync(s => s.CohortId == c.Id),
                await db.ExternalCohortAlsfrs.CountAsync(r => r.CohortId == c.Id),
                await db.ExternalCohortFvc.CountAsync(r => r.CohortId == c.Id),
                await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ExternalCohort)));
        });
        var first = await StateAsync();

        // The same values, rows in another order and quoted: the same data.
        var reordered = new Dictionary<string, string>(ProActFiles.Sample)
        {
            [ProActLayout.DeathData] = "subject_id,Subject_Died,Death_Days\n\"102\",\"Yes\",\"500\"\n101,No,",
        };
        var again = await ImportAsync(app, ProActFiles.Write(reordered), "twice");
        Assert.Equal("unchanged", again.GetProperty("status").GetString());
        Assert.Equal(first, await StateAsync());

        // The same files with one renamed in lower case (as a Windows download may be): found, unchanged.
        var renamed = new Dictionary<string, string>(ProActFiles.Sample);
        renamed.Remove(ProActLayout.DeathData);
        renamed[ProActLayout.DeathData.ToLowerInvariant()] = ProActFiles.Sample[ProActLayout.DeathData];
        var lowerCase = await ImportAsync(app, ProActFiles.Write(renamed), "twice");
        Assert.Equal(("unchanged", 0), (lowerCase.GetProperty("status").GetString(), lowerCase.GetProperty("missingFiles").GetArrayLength()));
        Assert.Equal(first, await StateAsync());

        var changed = new Dictionary<string, string>(ProActFiles.Sample) { [ProActLayout.DeathData] = "subject_id,Subject_Died,Death_Days\n102,Yes,501" };
        var replaced = await ImportAsync(app, ProActFiles.Write(changed), "twice");
        Assert.Equal("replaced", replaced.GetProperty("status").GetString());
        var after = await StateAsync();
        Assert.Equal((first.Id, first.Subjects, first.Alsfrs, first.Fvc, first.Audit + 1), (after.Id, after.Subjects, after.Alsfrs, after.Fvc, after.Audit));
        Assert.NotEqual(first.Fingerprint, after.Fingerprint);
        await app.WithDbAsync(async db =>
        {
            var subject = await db.ExternalCohortSubjects.SingleAsync(s => s.CohortId == first.Id && s.SubjectId == "101");
            Assert.Null(subject.Died);
            return 0;
        });
    }

    [Theory, EveryDatabase]
    public async Task An_imported_subject_is_never_on_the_patient_list_the_worklist_or_the_treated_counts(DatabaseProvider database)
    {
        var app = apps[database];
        var client = await app.SignedInClientAsync(StaffRoles.Coordinator);
        var parser = new HtmlParser();
        async Task<(int Patients, int Worklist, int Search, int Treated, int Records)> CountsAsync()
        {
            var list = parser.ParseDocument(await client.GetStringAsync("/staff/patients?All=true&Size=500"));
            var worklist = parser.ParseDocument(await client.GetStringAsync("/staff/follow-up"));
            var search = parser.ParseDocument(await client.GetStringAsync("/staff/patients?Q=SUBJ-7731"));
            var facts = await Features.Outcomes.RegistryFacts.LoadAsync(() => app.Services.CreateScope().ServiceProvider.GetRequiredService<RegistryDbContext>(),
                DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
            var records = await app.WithDbAsync(async db => await db.Patients.CountAsync() + await db.FollowUpItems.CountAsync() + await db.FollowUpReminders.CountAsync());
            return (list.QuerySelectorAll("tbody tr").Length, worklist.QuerySelectorAll("tbody tr").Length, search.QuerySelectorAll("tbody tr").Length,
                facts.Patients.Count, records);
        }
        var before = await CountsAsync();
        var files = new Dictionary<string, string>(ProActFiles.Sample)
        {
            [ProActLayout.Demographics] = "subject_id,Demographics_Delta,Age,Sex\nSUBJ-7731,0,50,Male",
            [ProActLayout.Alsfrs] = "subject_id,ALSFRS_Delta,Q1_Speech,ALSFRS_R_Total\nSUBJ-7731,0,1,10\nSUBJ-7731,400,0,2",
        };

        await ImportAsync(app, ProActFiles.Write(files), "apart");

        Assert.Equal(before, await CountsAsync());
    }

    [Theory, EveryDatabase]
    public async Task The_registry_is_exported_pseudonymised_and_reads_back_as_PRO_ACT(DatabaseProvider database)
    {
        var app = apps[database];
        var demo = new DemoCohortOptions { Patients = 12, Seed = 31, DataDate = new DateOnly(2026, 3, 1), FollowUpSchedules = false };
        var generated = new DemoCohortGenerator(demo, demo.DataDate!.Value).Generate();
        await app.WithDbAsync(async db =>
        {
            db.AddRange(generated.AllRecords());
            return await db.SaveChangesAsync();
        });
        var (served, assessments, names) = await app.WithDbAsync(async db =>
        {
            var ids = await db.Patients
                .Where(p => p.VoidedAt == null && !db.ErasureRequests.Any(e => e.PatientId == p.Id && e.VoidedAt == null)
                    && (db.TreatmentCourses.Any(c => c.PatientId == p.Id && c.VoidedAt == null)
                        || db.Diagnoses.Any(d => d.PatientId == p.Id && d.VoidedAt == null && d.DiagnosisDate != null)))
                .Select(p => p.Id).ToListAsync();
            var rows = await db.AlsfrsRAssessments.CountAsync(a => a.VoidedAt == null && ids.Contains(a.PatientId));
            var words = await db.Patients.Select(p => new[] { p.FamilyName, p.GivenName, p.Pseudonym }).ToListAsync();
            return (ids.Count, rows, words.SelectMany(w => w).ToList());
        });
        var output = ScratchDirectory.Create("ctc-proact-registry-");

        var (exit, stdout, stderr) = await RunAsync(["export", "proact", "--dir", output, .. Database(app), "--registry"]);

        Assert.True(exit == 0, stderr);
        using var summary = JsonDocument.Parse(stdout);
        Assert.Equal(served, summary.RootElement.GetProperty("subjects").GetInt32());
        Assert.Equal(assessments, summary.RootElement.GetProperty("rows").GetProperty(ProActLayout.Alsfrs).GetInt32());
        Assert.True(served > 0 && assessments > served);
        var text = string.Join("\n", ProActLayout.Files.Select(f => File.ReadAllText(Path.Combine(output, f))));
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", text);
        Assert.All(names, name => Assert.DoesNotContain("," + name + ",", text));
        var subjectIds = ProActFiles.Cells(output, ProActLayout.Demographics).Select(row => row.Split(" | ")[0]).ToList();
        Assert.Equal(Enumerable.Range(1, served).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), subjectIds.Order());

        // What it writes is PRO-ACT input: imported and written again, it gives back the same values.
        await ImportAsync(app, output, "registry-copy");
        var again = ScratchDirectory.Create("ctc-proact-registry-again-");
        (exit, _, stderr) = await RunAsync(["export", "proact", "--dir", again, .. Database(app), "--cohort", "registry-copy"]);
        Assert.True(exit == 0, stderr);
        foreach (var file in ProActLayout.Files)
            Assert.Equal(ProActFiles.Cells(output, file), ProActFiles.Cells(again, file));
    }
}

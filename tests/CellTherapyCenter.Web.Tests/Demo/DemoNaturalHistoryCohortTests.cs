using AngleSharp.Html.Parser;
using CellTherapyCenter.Clinical;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Cohorts;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Features.ProAct;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CellTherapyCenter.Web.Tests.Demo;

/// <summary>
/// The demo's synthetic natural-history cohort (issue 19, part 3): seeded with the demo through the
/// PRO-ACT files, synthetic and public, exactly the generated subjects and rows, apart from the
/// registry's patients, unchanged by a second seeding, and drawn from the distributions of the
/// demo's treated patients (baseline ALSFRS-R, disease duration, ΔFRS), so the comparison has an overlap.
/// </summary>
public sealed class DemoNaturalHistoryCohortTests(RegistryApps apps, ITestOutputHelper output) : IClassFixture<RegistryApps>
{
    private static readonly DemoCohortOptions Options = new()
    {
        Patients = 15, NaturalHistorySubjects = 80, Seed = 5, FollowUpSchedules = false, DataDate = new DateOnly(2026, 6, 1),
    };

    [Theory, EveryDatabase]
    public async Task Seeding_the_demo_imports_the_generated_cohort_as_synthetic_and_public_apart_from_the_patients(DatabaseProvider database)
    {
        var app = apps[database];
        var expected = new NaturalHistoryCohortGenerator(Options).Generate();
        _ = app.Server;
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoCohortSeeder>().SeedAsync(Options, CancellationToken.None);

        var cohort = await app.WithDbAsync(db => db.ExternalCohorts.AsNoTracking().SingleAsync(c => c.Name == DemoNaturalHistoryCohort.Name));
        Assert.True(cohort.IsSynthetic);
        Assert.True(cohort.IsPublic);
        Assert.Contains("not real patients", cohort.Source);
        Assert.Equal(DemoNaturalHistoryCohort.ImportedBy, cohort.ImportedBy);
        await app.WithDbAsync(async db =>
        {
            var subjects = await db.ExternalCohortSubjects.AsNoTracking().Where(s => s.CohortId == cohort.Id).ToListAsync();
            var alsfrs = await db.ExternalCohortAlsfrs.AsNoTracking().Where(r => r.CohortId == cohort.Id).ToListAsync();
            Assert.Equal(80, subjects.Count);
            Assert.Equal(expected.Subjects.Select(s => s.SubjectId).Order(), subjects.Select(s => s.SubjectId).Order());
            Assert.Equal(expected.Alsfrs.Count, alsfrs.Count);
            Assert.Equal(expected.Fvc.Count, await db.ExternalCohortFvc.CountAsync(r => r.CohortId == cohort.Id));
            Assert.Equal(expected.Subjects.Count(s => s.Died == true), subjects.Count(s => s.Died == true));
            Assert.InRange(subjects.Count(s => s.Died == true), 1, 79);
            // PRO-ACT form: ALSFRS-R rows (R1-R3, never Q10), items and totals consistent; day 0 = entry, onset and diagnosis before it.
            Assert.All(alsfrs, r =>
            {
                Assert.Equal((AlsfrsScale.AlsfrsR, (int?)null), (r.Scale, r.Q10));
                Assert.Equal(r.AlsfrsRTotal, (double?)(r.Q1 + r.Q2 + r.Q3 + r.Q4 + (r.Q5a ?? r.Q5b) + r.Q6 + r.Q7 + r.Q8 + r.Q9 + r.R1 + r.R2 + r.R3));
            });
            Assert.All(subjects, s =>
            {
                Assert.Contains(s.SiteOfOnset, new[] { "Onset: Bulbar", "Onset: Limb", "Onset: Limb and Bulbar", "Onset: Other" });
                Assert.True(s.OnsetOn < s.DiagnosedOn && s.DiagnosedOn < ExternalCohort.Anchor, s.SubjectId);
                Assert.Contains(alsfrs, r => r.SubjectId == s.Id && r.AssessedOn == ExternalCohort.Anchor);
                Assert.DoesNotContain(alsfrs, r => r.SubjectId == s.Id && (r.AssessedOn < ExternalCohort.Anchor || r.AssessedOn >= s.DiedOn));
            });
            Assert.Contains(subjects, s => s.SiteOfOnset == "Onset: Bulbar");
            Assert.Contains(subjects, s => s.SiteOfOnset == "Onset: Limb");
            // Never a registry patient: the patient table holds the demo's patients only.
            Assert.Equal(Options.Patients, await db.Patients.CountAsync());
            return 0;
        });

        // Nor on the patient list, a search for a subject id, or the treated counts.
        var client = await app.SignedInClientAsync(StaffRoles.Coordinator);
        var parser = new HtmlParser();
        var list = parser.ParseDocument(await client.GetStringAsync("/staff/patients?All=true&Size=500"));
        Assert.Equal(Options.Patients, list.QuerySelectorAll("tbody tr").Length);
        var search = parser.ParseDocument(await client.GetStringAsync("/staff/patients?Q=" + expected.Subjects[0].SubjectId));
        Assert.Empty(search.QuerySelectorAll("tbody tr"));
        var facts = await Features.Outcomes.RegistryFacts.LoadAsync(() => app.Services.CreateScope().ServiceProvider.GetRequiredService<RegistryDbContext>(),
            Options.DataDate!.Value, CancellationToken.None);
        Assert.Equal(Options.Patients, facts.Patients.Count);
    }

    [Theory, EveryDatabase]
    public async Task Seeding_again_changes_nothing_and_keeps_an_administrators_withdrawal(DatabaseProvider database)
    {
        var app = apps[database];
        _ = app.Server;
        var options = Options with { Seed = 6, NaturalHistorySubjects = 30 };
        var first = await app.WithDbAsync(db => DemoNaturalHistoryCohort.SeedAsync(db, options, CancellationToken.None));
        // Imported, or replaced when the other test of the class seeded its own (same name, another seed) first.
        Assert.Contains(first!.Status, new[] { "imported", "replaced" });
        await app.WithDbAsync(db => db.ExternalCohorts.Where(c => c.Id == first.CohortId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPublic, false)));
        async Task<(DateTime, string, int, int, int)> StateAsync() => await app.WithDbAsync(async db =>
        {
            var c = await db.ExternalCohorts.AsNoTracking().SingleAsync(c => c.Id == first.CohortId);
            return (c.ImportedAt, c.Fingerprint, await db.ExternalCohortSubjects.CountAsync(s => s.CohortId == c.Id),
                await db.ExternalCohortAlsfrs.CountAsync(r => r.CohortId == c.Id), await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ExternalCohort)));
        });
        var before = await StateAsync();

        var again = await app.WithDbAsync(db => DemoNaturalHistoryCohort.SeedAsync(db, options, CancellationToken.None));

        Assert.Equal(("unchanged", first.CohortId), (again!.Status, again.CohortId));
        Assert.Equal(before, await StateAsync());
        Assert.False(await app.WithDbAsync(db => db.ExternalCohorts.Where(c => c.Id == first.CohortId).Select(c => c.IsPublic).SingleAsync()));
    }

    [Fact]
    public void The_same_seed_gives_the_same_cohort_and_another_seed_another()
    {
        static List<string> Rows(DemoCohortOptions o)
        {
            var cohort = new NaturalHistoryCohortGenerator(o).Generate();
            var ids = cohort.Subjects.ToDictionary(s => s.Id, s => s.SubjectId);
            return cohort.Subjects.Select(s => $"{s.SubjectId} {s.Age} {s.Sex} {s.SiteOfOnset} {s.OnsetOn} {s.DiagnosedOn} {s.DiedOn}")
                .Concat(cohort.Alsfrs.Select(r => $"{ids[r.SubjectId]} {r.AssessedOn} {r.AlsfrsRTotal} {r.Q1} {r.R3}"))
                .Concat(cohort.Fvc.Select(r => $"{ids[r.SubjectId]} {r.MeasuredOn} {r.PercentPredicted1}")).ToList();
        }
        var options = new DemoCohortOptions { NaturalHistorySubjects = 50 };
        Assert.Equal(Rows(options), Rows(options));
        Assert.NotEqual(Rows(options), Rows(options with { Seed = options.Seed + 1 }));
    }

    /// <summary>
    /// The default demo's treated patients at their first course against the default natural-history
    /// cohort at day 0: the medians of baseline ALSFRS-R, months from onset and ΔFRS agree, and the
    /// cohort's decline over follow-up is natural history's (-0.7 to -1.1 points/month).
    /// </summary>
    [Fact]
    public void The_cohort_at_entry_is_comparable_to_the_treated_patients_at_their_first_course()
    {
        var options = new DemoCohortOptions { DataDate = new DateOnly(2026, 6, 1), FollowUpSchedules = false };
        var demo = new DemoCohortGenerator(options, options.DataDate!.Value).Generate();
        var onsets = demo.Diagnoses.ToDictionary(d => d.PatientId, d => d.OnsetDate!.Value);
        var treated = demo.Courses.Where(c => c.Number == 1).Select(c =>
        {
            var baseline = demo.Assessments.Where(a => a.PatientId == c.PatientId && a.AssessedOn <= c.StartDate && a.Total is not null).MaxBy(a => a.AssessedOn)!;
            var months = ClinicalMonth.Between(onsets[c.PatientId], c.StartDate);
            return (Total: (double)baseline.Total!.Value, Months: months, DeltaFrs: (48 - baseline.Total!.Value) / months);
        }).ToList();

        var cohort = new NaturalHistoryCohortGenerator(options).Generate();
        var alsfrs = cohort.Alsfrs.ToLookup(r => r.SubjectId);
        var entry = cohort.Subjects.Select(s =>
        {
            var total = alsfrs[s.Id].Single(r => r.AssessedOn == ExternalCohort.Anchor).AlsfrsRTotal!.Value;
            var months = ClinicalMonth.Between(s.OnsetOn!.Value, ExternalCohort.Anchor);
            return (Total: total, Months: months, DeltaFrs: (48 - total) / months);
        }).ToList();
        var slopes = cohort.Subjects.Select(s => alsfrs[s.Id].OrderBy(r => r.AssessedOn).ToList()).Where(rows => rows.Count >= 3)
            .Select(rows => Slope(rows.Select(r => (ClinicalMonth.Between(ExternalCohort.Anchor, r.AssessedOn), r.AlsfrsRTotal!.Value)).ToList())).ToList();

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        output.WriteLine($"treated n={treated.Count}: baseline {Median(treated.Select(t => t.Total)):F1}, months {Median(treated.Select(t => t.Months)):F1}, ΔFRS {Median(treated.Select(t => t.DeltaFrs)):F2}");
        output.WriteLine($"cohort n={entry.Count}: baseline {Median(entry.Select(t => t.Total)):F1}, months {Median(entry.Select(t => t.Months)):F1}, ΔFRS {Median(entry.Select(t => t.DeltaFrs)):F2}; " +
            $"slope mean {slopes.Average():F2} (n={slopes.Count}); rows {cohort.Alsfrs.Count}, deaths {cohort.Subjects.Count(s => s.Died == true)}");

        Assert.Equal(600, entry.Count);
        Assert.InRange(treated.Count, 200, 600);
        Assert.InRange(Median(entry.Select(t => t.Total)) - Median(treated.Select(t => t.Total)), -2.5, 2.5);
        Assert.InRange(Median(entry.Select(t => t.Months)) - Median(treated.Select(t => t.Months)), -2.5, 2.5);
        Assert.InRange(Median(entry.Select(t => t.DeltaFrs)) - Median(treated.Select(t => t.DeltaFrs)), -0.12, 0.12);
        Assert.InRange(slopes.Average(), -1.1, -0.7);
    }

    private static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        return points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
    }
}

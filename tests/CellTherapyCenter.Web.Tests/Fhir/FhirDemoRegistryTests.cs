using System.Diagnostics;
using System.Globalization;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Features.Fhir.Conformance;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>
/// Every record of every kind the FHIR mapping covers, from the demo registry as stored on each
/// database, maps to a resource that the offline validator passes against the base specification
/// and the registry's profiles without an error; voided records are not exported.
/// </summary>
public sealed class FhirDemoRegistryTests(RegistryApps apps, ITestOutputHelper output) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task Every_demo_record_maps_to_a_resource_that_validates(DatabaseProvider database)
    {
        var app = apps[database];
        var options = new DemoCohortOptions { Patients = 6, Seed = 3, DataDate = new DateOnly(2026, 6, 1), NaturalHistorySubjects = 0 };
        _ = app.Server;
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoCohortSeeder>().SeedAsync(options, CancellationToken.None);
        Assert.NotNull(app.Services.GetRequiredService<FhirValidator>());

        var map = SharedFhirValidator.ToFhir;
        var resources = await app.WithDbAsync(async db =>
        {
            var list = new List<Resource>();
            var transplantations = await db.Transplantations.AsNoTracking().ToListAsync();
            var assessments = await db.AlsfrsRAssessments.AsNoTracking().ToListAsync();
            // A voided record does not come out (voided here in memory: the mapping is what is tested).
            var voided = assessments[0];
            voided.Void("Entered for the wrong patient (test)", "test", DateTime.UtcNow);

            list.AddRange((await db.Diagnoses.AsNoTracking().ToListAsync()).Where(d => !d.IsVoided).Select(map.Condition));
            foreach (var a in assessments.Where(a => !a.IsVoided))
            {
                list.Add(map.AlsfrsRObservation(a));
                if (Features.Fhir.Resources.RegistryToFhir.IsSelfReport(a)) list.Add(map.AlsfrsRQuestionnaireResponse(a));
            }
            foreach (var v in (await db.Visits.AsNoTracking().ToListAsync()).Where(v => !v.IsVoided))
            {
                if (map.FvcObservation(v) is { } fvc) list.Add(fvc);
                if (map.WeightObservation(v) is { } weight) list.Add(weight);
            }
            list.AddRange((await db.TreatmentCourses.AsNoTracking().ToListAsync()).Where(c => !c.IsVoided).Select(map.EpisodeOfCare));
            list.AddRange(transplantations.Where(t => !t.IsVoided).Select(map.Procedure));
            foreach (var e in (await db.AdverseEvents.AsNoTracking().ToListAsync()).Where(e => !e.IsVoided))
                list.Add(map.AdverseEvent(e, transplantations.Where(t => t.TreatmentCourseId == e.TreatmentCourseId && !t.IsVoided).MinBy(t => t.Date)));
            list.AddRange((await db.Consents.AsNoTracking().ToListAsync()).Where(c => !c.IsVoided).Select(map.Consent));
            list.AddRange((await db.FollowUpItems.AsNoTracking().ToListAsync()).Where(i => !i.IsVoided).Select(map.Appointment));

            Assert.DoesNotContain(list, r => r.Id == voided.Id.ToString("D", CultureInfo.InvariantCulture));
            Assert.Throws<ArgumentException>(() => map.AlsfrsRObservation(voided));
            return list;
        });

        // Every kind is there, so none is validated vacuously.
        var kinds = resources.GroupBy(r => r is Observation o ? $"Observation {o.Code.Coding[0].Code}" : r.TypeName).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine("Mapped: " + string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
        foreach (var kind in new[] { "Condition", "Observation 82954-9", "Observation 19872-1", "Observation 29463-7", "QuestionnaireResponse", "EpisodeOfCare", "Procedure", "AdverseEvent", "Consent", "Appointment" })
            Assert.True(kinds.ContainsKey(kind), $"The demo registry gave no {kind}.");

        var clock = Stopwatch.StartNew();
        var errors = new List<string>();
        var warnings = new List<string>();
        foreach (var resource in resources)
        {
            var (e, w, _) = SharedFhirValidator.Check(resource);
            errors.AddRange(e);
            warnings.AddRange(w);
        }
        output.WriteLine($"Validated {resources.Count} resources in {clock.Elapsed.TotalSeconds:F1} s (validator shared across the run).");
        foreach (var w in warnings.GroupBy(w => w[(w.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Select(g => $"{g.Count()}x {g.Key}"))
            output.WriteLine("Warning: " + w);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(30)));
    }
}

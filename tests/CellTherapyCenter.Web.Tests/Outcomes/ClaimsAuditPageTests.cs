using System.Net;
using System.Text.RegularExpressions;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Outcomes;

public sealed partial class ClaimsAuditPageTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task A_researcher_sees_every_claim_with_its_statement_and_the_view_is_audited(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Researcher);
        var response = await client.GetAsync("/staff/outcomes?site=Bulbar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        foreach (var id in new[] { "C1", "C2", "C3", "C4", "C5", "C6", "P", "S" }) Assert.Contains($"{id} · ", html);
        Assert.Contains("The clinic's statement:", html);
        Assert.Contains("Covering: onset Bulbar.", html);
        var lines = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "ClaimsAudit" && a.Action == AuditActions.Read && a.Detail == "onset Bulbar").CountAsync());
        Assert.True(lines >= 1);
    }

    [Theory, EveryDatabase]
    public async Task The_audit_follows_a_change_in_the_registry_at_once(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Physician);
        async Task<int> TreatedAsync() => int.Parse(Treated().Match(await client.GetStringAsync("/staff/outcomes")).Groups[1].Value);

        var before = await TreatedAsync();
        Assert.Equal(before, await TreatedAsync());
        await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Auditova");
            db.Patients.Add(p);
            db.TreatmentCourses.Add(new TreatmentCourse { PatientId = p.Id, Number = 1, StartDate = new DateOnly(2025, 3, 1) });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(before + 1, await TreatedAsync());
    }

    [Theory, EveryDatabase]
    public async Task The_claims_table_exports_as_csv_with_every_measure_and_the_export_is_audited(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Coordinator);
        var response = await client.GetAsync("/staff/outcomes/claims.csv?stage=4A");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("claim,heading,measure,kind,estimate,lower,upper,numerator,denominator,method,shortfall", lines[0]);
        foreach (var id in new[] { "C1", "C2", "C3", "C4", "C5", "C6", "P", "S" }) Assert.Contains(lines, l => l.StartsWith(id + ","));
        Assert.Contains(lines, l => l.Contains("too few to estimate") && l.Contains("King's stage 4A at first course"));
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ClaimsAudit" && a.Action == AuditActions.Export)));
    }

    [Theory]
    [EveryDatabase("survival-by-stage", "group,months,nRisk,nEvent,nCensor,survival,lower,upper")]
    [EveryDatabase("survival-by-onset", "group,months,nRisk,nEvent,nCensor,survival,lower,upper")]
    [EveryDatabase("survival-vs-expected", "group,months,nRisk,nEvent,nCensor,survival,lower,upper")]
    [EveryDatabase("survival-vs-cohort", "group,months,nRisk,nEvent,nCensor,survival,lower,upper")]
    [EveryDatabase("alsfrs-spaghetti", "patient,months,alsfrsRTotal")]
    [EveryDatabase("alsfrs-mean", "month,mean,lower,upper,n")]
    public async Task Each_plot_is_a_png_and_a_phone_svg_with_its_numbers_as_csv(DatabaseProvider database, string plot, string header)
    {
        _app = apps[database];
        await _app.WithDbAsync(async db =>
        {
            var p = Arrange.Patient("Plotova");
            db.Patients.Add(p);
            db.TreatmentCourses.Add(new TreatmentCourse { PatientId = p.Id, Number = 1, StartDate = new DateOnly(2025, 3, 1) });
            db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, new DateOnly(2025, 2, 27), Clinical.Alsfrs.AlsfrsRResponses.FromScores(4, 4, 4, 3, 3, 3, 3, 3, 3, 4, 4, 4)));
            db.AlsfrsRAssessments.Add(Arrange.Assessment(p.Id, new DateOnly(2025, 6, 1), Clinical.Alsfrs.AlsfrsRResponses.FromScores(4, 4, 4, 3, 3, 3, 2, 3, 3, 4, 4, 4)));
            return await db.SaveChangesAsync();
        });
        var client = await _app.SignedInClientAsync(StaffRoles.Researcher);

        var png = await client.GetAsync($"/staff/outcomes/plots/{plot}.png?site=UpperLimb");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);
        // The phone's drawing: an SVG whose text stays 12 px or more in a 360 px phone's column.
        var svg = await client.GetAsync($"/staff/outcomes/plots/{plot}.svg?site=UpperLimb");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        var phone = Analytics.PhoneSvg.Read(await svg.Content.ReadAsByteArrayAsync());
        Assert.True(phone.SmallestTextPx >= 12, $"{plot}: text at {phone.SmallestTextPx:0.0} px on a phone.");
        // The page offers both with the plot's finding in words.
        var page = await client.GetStringAsync("/staff/outcomes");
        Assert.Contains($"/staff/outcomes/plots/{plot}.svg", page);
        Assert.Contains("One line per patient:", WebUtility.HtmlDecode(page));
        var csv = await client.GetStringAsync($"/staff/outcomes/plots/{plot}.csv");
        Assert.StartsWith(header, csv);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/staff/outcomes/plots/pie-chart.png")).StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "OutcomesPlot" && a.EntityId == plot && a.Action == AuditActions.Export)));
    }

    [Theory, EveryDatabase]
    public async Task A_filter_that_cannot_be_read_is_left_out_and_said_so(DatabaseProvider database)
    {
        _app = apps[database];
        var client = await _app.SignedInClientAsync(StaffRoles.Researcher);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/staff/outcomes?from=2025-99-99&site=Elbow"));
        Assert.Contains("Not understood, so left out of the filter: from=\"2025-99-99\", site=\"Elbow\".", html);
        Assert.Contains("Covering: all treated patients.", html);
        var ok = WebUtility.HtmlDecode(await client.GetStringAsync("/staff/outcomes?from=2025-03-01"));
        Assert.DoesNotContain("Not understood", ok);
    }

    [GeneratedRegex(@"(\d+) treated of \d+ patients in the registry")]
    private static partial Regex Treated();
}

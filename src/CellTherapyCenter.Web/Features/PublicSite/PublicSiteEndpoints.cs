using CellTherapyCenter.Data;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Web.Features.Patients;
using CellTherapyCenter.Web.Features.PublicSite.Cases;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.PublicSite;

public static class PublicSiteEndpoints
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ClinicOptions>(configuration.GetSection("Clinic"));
        services.Configure<Inquiries.InquiryOptions>(configuration.GetSection("Inquiries"));
        services.AddScoped<SiteContentSeeder>();
        services.AddScoped<SiteEditor.SiteEditorSave>();
        services.AddOutputCache(o =>
        {
            // Each Accept-Encoding apart too: the cached bytes are compressed as the first visitor's browser accepted (PublicPageCompression).
            o.AddPolicy(PublicSiteCache.PagePolicy, b => b.Expire(TimeSpan.FromMinutes(10)).Tag(PublicSiteCache.Tag).VaryByValue(PublicSiteCache.Language).SetVaryByHeader("Accept-Encoding"));
            o.AddPolicy(PublicSiteCache.LivePolicy, b => b.Expire(PublicSiteCache.LiveFor).Tag(PublicSiteCache.Tag).VaryByValue(PublicSiteCache.Language).SetVaryByHeader("Accept-Encoding"));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPublicSite(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        app.MapGet("/publications/{id:guid}/file", PublicationFileAsync).AllowAnonymous().CacheOutput(PublicSiteCache.PagePolicy).WithName(EndpointNames.PublicationFile);
        app.MapGet("/cases/{slug}/trajectory.png", CasePlotAsync).ReadsPatientData(nameof(PatientCase), "published case plot").AllowAnonymous().CacheOutput(PublicSiteCache.PagePolicy).WithName(EndpointNames.CasePlot);
        app.MapGet("/team/{id:guid}/photo.jpg", TeamPhotoAsync).AllowAnonymous().WithName(EndpointNames.TeamPhoto);
        // A bare endpoint to compare the content pages against in bench/public-pages.sh; off unless asked for.
        if (configuration.GetValue("Benchmarks:HelloEndpoint", false))
            app.MapGet("/hello", () => "hello").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> PublicationFileAsync(Guid id, RegistryDbContext db, HttpContext http, CancellationToken ct)
    {
        var publication = await db.Publications.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.FileName, p.ContentType, File = p.File!.Content }).FirstOrDefaultAsync(ct);
        if (publication is null) return TypedResults.NotFound();
        return Infrastructure.Uploads.DocumentDownload.File(http.Response, publication.File, publication.ContentType, publication.FileName);
    }

    /// <summary>
    /// A team member's photo (re-encoded on upload). Pages link it with its version (?v=): that
    /// address always serves the same bytes, so browsers keep it for a year; a new photo gets a new address.
    /// </summary>
    private static async Task<IResult> TeamPhotoAsync(Guid id, Guid? v, RegistryDbContext db, HttpContext http, CancellationToken ct)
    {
        var photo = await db.TeamPhotos.AsNoTracking().Where(p => p.TeamMemberId == id)
            .Select(p => new { p.Content, p.Version }).FirstOrDefaultAsync(ct);
        if (photo is null) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = v == photo.Version ? "public, max-age=31536000, immutable" : "public, max-age=300";
        return TypedResults.File(photo.Content, "image/jpeg");
    }

    private static async Task<IResult> CasePlotAsync(string slug, RegistryDbContext db, PatientReadAudit audit, CancellationToken ct)
    {
        var found = await PublishedCases.Visible(db).AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.PatientId }).FirstOrDefaultAsync(ct);
        if (found is null) return TypedResults.NotFound();
        var assessments = await db.AlsfrsRAssessments.AsNoTracking()
            .Where(a => a.PatientId == found.PatientId).OrderBy(a => a.AssessedOn).ToListAsync(ct);
        var courses = await db.TreatmentCourses.AsNoTracking()
            .Where(c => c.PatientId == found.PatientId && c.VoidedAt == null).Select(c => c.StartDate).ToListAsync(ct);
        audit.Read(found.PatientId, found.Id.ToString());
        return TypedResults.File(TrajectoryPlot.Render(assessments, courses), "image/png");
    }
}

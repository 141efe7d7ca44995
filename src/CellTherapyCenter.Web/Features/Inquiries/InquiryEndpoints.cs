using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Inquiries;

public static class InquiryEndpoints
{
    public static IEndpointRouteBuilder MapInquiryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/inquiries/{id:guid}/documents/{documentId:guid}", DocumentAsync).RequireAuthorization(StaffPolicies.EditRegistry)
            .WithName(EndpointNames.InquiryDocument).ReadsPatientData(nameof(InquiryDocument));
        return app;
    }

    /// <summary>A sent document, always as a download (never rendered in the staff portal's origin).</summary>
    private static async Task<IResult> DocumentAsync(Guid id, Guid documentId, RegistryDbContext db, PatientReadAudit audit, HttpContext http, CancellationToken ct)
    {
        var document = await db.InquiryDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.InquiryId == id, ct);
        if (document is null) return TypedResults.NotFound();
        audit.ReadUnlinked(documentId.ToString(), $"inquiry {id}");
        http.Response.Headers.CacheControl = "no-store";
        return DocumentDownload.File(http.Response, document.Content, document.ContentType, document.FileName);
    }
}

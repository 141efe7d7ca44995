using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Inquiries;

/// <summary>The staff inbox of requests from the public form, oldest open request first.</summary>
[Authorize(Policy = StaffPolicies.EditRegistry)]
[ReadsPatientData(nameof(Inquiry))]
public sealed class InboxModel(RegistryDbContext db, PatientReadAudit audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public InquiryStatus? Status { get; set; }
    /// <summary>"me", "none", or empty for anyone.</summary>
    [BindProperty(SupportsGet = true)] public string? Assigned { get; set; }
    /// <summary>Only requests waiting at least this many days.</summary>
    [BindProperty(SupportsGet = true)] public int? OlderThanDays { get; set; }
    [BindProperty(SupportsGet = true)] public bool IncludeClosed { get; set; }

    public sealed record Row(Guid Id, string Reference, DateTime SubmittedAt, string Age, RequesterRole Role, string Name, string? PatientName, int? PatientAge, string Country,
        InquiryStatus Status, string? Assignee, int Documents, bool Registered);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Inquiries.AsNoTracking();
        if (Status is { } status) query = query.Where(i => i.Status == status);
        else if (!IncludeClosed) query = query.Where(i => i.Status != InquiryStatus.Closed);
        if (Assigned == "me") query = query.Where(i => i.AssigneeUserName == User.Identity!.Name);
        else if (Assigned == "none") query = query.Where(i => i.AssigneeUserName == null);
        if (OlderThanDays is { } days and >= 0)
        {
            // Any wait longer than the calendar allows is "everything" (olderThanDays=1000000 was a 500).
            var before = days >= (now - DateTime.MinValue).TotalDays ? DateTime.MinValue : now.AddDays(-days);
            query = query.Where(i => i.SubmittedAt <= before);
        }
        var found = await query.OrderBy(i => i.SubmittedAt).Take(500)
            .Select(i => new { i.Id, i.Reference, i.SubmittedAt, i.RequesterRole, i.Name, i.PatientName, i.PatientAge, i.Country, i.Status, i.AssigneeUserName, Documents = i.Documents.Count, i.PatientId })
            .ToListAsync(ct);
        Rows = found.Select(i => new Row(i.Id, i.Reference, i.SubmittedAt, RequestAge.Describe(i.SubmittedAt, now), i.RequesterRole, i.Name, i.PatientName, i.PatientAge, i.Country,
            i.Status, i.AssigneeUserName, i.Documents, i.PatientId is not null)).ToList();
        audit.List(System.Text.Json.JsonSerializer.Serialize(
            new { filter = $"status={Status};assigned={Assigned};olderThan={OlderThanDays};closed={IncludeClosed}", inquiries = Rows.Select(r => r.Id) }));
    }
}

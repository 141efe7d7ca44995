using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>The patient list: search, filter by stage, vital status and last visit, paged.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ReadsPatientData(nameof(Patient))]
public sealed class IndexModel(RegistryDbContext db, PatientReadAudit audit, PatientListCounts counts) : PageModel
{
    public const int PageSize = 25;

    /// <summary>Name or pseudonym (researchers: pseudonym only).</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>King's stage code: 1, 2, 3, 4A, 4B, 5.</summary>
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public VitalState? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? LastVisitFrom { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? LastVisitTo { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int TotalCount { get; private set; }
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public bool Identified { get; private set; }

    public sealed record Row(PatientIdentityView Identity, string Sex, string? KingsStage, int? MitosStage, int? LatestTotal, DateOnly? LastVisitOn, VitalState Status, bool Voided);

    public static IReadOnlyList<string> StageCodes { get; } = ["1", "2", "3", "4A", "4B", "5"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Identified = PatientIdentityView.MayIdentify(User);
        if (Stage is not null && !StageCodes.Contains(Stage))
            ModelState.AddModelError(nameof(Stage), "Choose a King's stage from the list.");
        if (LastVisitFrom > LastVisitTo)
            ModelState.AddModelError(nameof(LastVisitTo), "The end of the period must not be before its start.");
        if (!ModelState.IsValid) return Page();
        PageNumber = Math.Max(1, PageNumber);

        var query = db.Patients.AsNoTracking().Where(p => p.VoidedAt == null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim();
            // The term is cased here without the request's culture; the columns' ToLower() runs in SQL.
#pragma warning disable CA1304, CA1311, CA1862
            query = Identified
                ? query.Where(p => p.Pseudonym == term.ToUpperInvariant() || p.FamilyName.ToLower().StartsWith(term.ToLowerInvariant()) || p.GivenName.ToLower().StartsWith(term.ToLowerInvariant()))
                : query.Where(p => p.Pseudonym == term.ToUpperInvariant());
#pragma warning restore CA1304, CA1311, CA1862
        }
        // An unknown stage in the address matches nobody, as it always has.
        if (Stage is not null) query = KingsStage.FromCode(Stage) is { } stage ? query.Where(p => p.CurrentKingsStage == stage) : query.Where(p => false);
        if (Status is not null) query = query.Where(p => p.VitalState == Status);
        if (LastVisitFrom is not null) query = query.Where(p => p.LastVisitOn >= LastVisitFrom);
        if (LastVisitTo is not null) query = query.Where(p => p.LastVisitOn <= LastVisitTo);

        TotalCount = await counts.CountAsync($"{Identified}|{Q?.Trim()}|{Stage}|{Status}|{LastVisitFrom}|{LastVisitTo}", () => query.CountAsync(ct));
        var ordered = Identified
            ? query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            : query.OrderBy(p => p.Pseudonym);
        var page = await ordered
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new { p.Id, p.FamilyName, p.GivenName, p.Pseudonym, p.DateOfBirth, p.IsSynthetic, p.Sex, p.CurrentKingsStage, p.CurrentMitosStage, p.LatestAlsfrsRTotal, p.LastVisitOn, p.VitalState, p.VoidedAt })
            .ToListAsync(ct);

        Rows = page.Select(p => new Row(
            PatientIdentityView.For(User, p.Id, p.FamilyName, p.GivenName, p.Pseudonym, p.DateOfBirth, p.IsSynthetic),
            p.Sex.ToString(), p.CurrentKingsStage?.Code(), p.CurrentMitosStage, p.LatestAlsfrsRTotal, p.LastVisitOn, p.VitalState, p.VoidedAt != null)).ToList();

        audit.List(Rows.Select(r => r.Identity.Id),
            $"q={Q};stage={Stage};status={Status};from={LastVisitFrom};to={LastVisitTo};page={PageNumber}");
        return Page();
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["stage"] = Stage, ["status"] = Status?.ToString(),
        ["lastVisitFrom"] = LastVisitFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["lastVisitTo"] = LastVisitTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();
}

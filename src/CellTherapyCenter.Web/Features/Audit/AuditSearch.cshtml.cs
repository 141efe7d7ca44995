using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Audit;

/// <summary>Search of the append-only audit trail, newest first.</summary>
[Authorize(Policy = StaffPolicies.Administer)]
// The audit trail names patients by id only, and reading it is not itself audited.
[NoPatientData]
public sealed class AuditSearchModel(RegistryDbContext db, AuditChainMonitor chain, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? PatientId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool HasNextPage { get; private set; }

    /// <summary>The newest full check of the hash chain (issue 16, item 9), and whether a newer one is running.</summary>
    public (AuditChainReport Report, DateTimeOffset At)? Chain { get; private set; }

    public bool ChainChecking { get; private set; }

    public static IReadOnlyList<string> Actions { get; } =
    [
        AuditActions.Read, AuditActions.List, AuditActions.Create, AuditActions.Update, AuditActions.Void, AuditActions.Export,
        AuditActions.Login, AuditActions.LoginFailed, AuditActions.Lockout, AuditActions.Logout, AuditActions.RoleChange, AuditActions.UserCreated,
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Bounded so that the offset below cannot overflow (p=2147483647 was a 500).
        PageNumber = Math.Clamp(PageNumber, 1, int.MaxValue / PageSize);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserName)) q = q.Where(a => a.UserName == UserName.Trim());
        if (!string.IsNullOrWhiteSpace(Action)) q = q.Where(a => a.Action == Action);
        if (!string.IsNullOrWhiteSpace(EntityType)) q = q.Where(a => a.EntityType == EntityType.Trim());
        if (PatientId is { } pid) q = q.Where(a => a.PatientId == pid);
        if (From is { } from) { var f = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); q = q.Where(a => a.At >= f); }
        // The day after the last one asked for; 9999-12-31 has none, so it means "no end" (it was a 500).
        if (To is { } to && to < DateOnly.MaxValue) { var t = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); q = q.Where(a => a.At < t); }
        var page = await q.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasNextPage = page.Count > PageSize;
        Entries = page.Take(PageSize).ToList();
        // A small trail is checked before the page answers; a large one shows the last result meanwhile.
        var check = chain.CheckIfStale();
        await Task.WhenAny(check, Task.Delay(TimeSpan.FromSeconds(2), clock, ct));
        Chain = chain.Last;
        ChainChecking = chain.Checking;
    }

    /// <summary>Property, old, new rows from an update's Changes JSON; for creates the value stands under "new".</summary>
    public static IEnumerable<(string Property, string? Old, string? New)> ChangeRows(string? changes)
    {
        if (string.IsNullOrEmpty(changes)) yield break;
        using var doc = JsonDocument.Parse(changes);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("old", out var o) && p.Value.TryGetProperty("new", out var n))
                yield return (p.Name, Text(o), Text(n));
            else
                yield return (p.Name, null, Text(p.Value));
        }
    }

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => e.GetString(),
        _ => e.GetRawText(),
    };

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["userName"] = UserName, ["action"] = Action, ["entityType"] = EntityType, ["patientId"] = PatientId?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();
}

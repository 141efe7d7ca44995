using System.Globalization;
using System.Linq.Expressions;
using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Patients;

/// <summary>
/// The patient list: search by any part of the name in any order and script, by code, phone or
/// email (<see cref="PatientSearchText"/>); filter by stage, vital status and last visit; sort by
/// a column; page by number.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ReadsPatientData(nameof(Patient))]
public sealed class IndexModel(RegistryDbContext db, PatientReadAudit audit, PatientListCounts counts) : PageModel
{
    public const int DefaultPageSize = 25;

    /// <summary>
    /// A search matching more patients than this lists none of them but asks for a narrower one
    /// (or <see cref="All"/>): finding, counting and sorting thousands of matches is the dearest
    /// thing the list does (docs/benchmarks.md), and no one reads forty pages of one family name.
    /// </summary>
    public const int SearchMatchLimit = 1000;
    public static IReadOnlyList<int> PageSizes { get; } = [25, 50, 100];

    /// <summary>The columns the list sorts by, as the address names them.</summary>
    public static class Sorts
    {
        public const string Name = "name";
        public const string Code = "code";
        public const string LastVisit = "visit";
        public const string Alsfrs = "alsfrs";
        public const string Stage = "stage";
        public static IReadOnlyList<string> All { get; } = [Name, Code, LastVisit, Alsfrs, Stage];
    }

    /// <summary>Name, code, phone or email (researchers: code only).</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>King's stage code: 1, 2, 3, 4A, 4B, 5.</summary>
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public VitalState? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? LastVisitFrom { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? LastVisitTo { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>"desc" for descending; anything else ascending.</summary>
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }
    /// <summary>List every match of a search however many there are (slower on a large registry).</summary>
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int TotalCount { get; private set; }
    /// <summary>The search matched more than <see cref="SearchMatchLimit"/> patients and <see cref="All"/> was not asked for: no rows, a request to narrow it.</summary>
    public bool TooBroad { get; private set; }
    public static string LimitText { get; } = SearchMatchLimit.ToString("N0", CultureInfo.InvariantCulture);
    public int PageSize => Size is { } size && PageSizes.Contains(size) ? size : DefaultPageSize;
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public bool Identified { get; private set; }
    public string SortColumn => Sort is { } s && Sorts.All.Contains(s) ? s : Sorts.Name;
    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);

    public sealed record Row(PatientIdentityView Identity, string Sex, string? KingsStage, int? MitosStage, int? LatestTotal, DateOnly? LastVisitOn, VitalState Status, bool Voided);

    public static IReadOnlyList<string> StageCodes { get; } = ["1", "2", "3", "4A", "4B", "5"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Identified = PatientIdentityView.MayIdentify(User);
        if (Stage is not null && !StageCodes.Contains(Stage))
            ModelState.AddModelError(nameof(Stage), "Choose a King's stage from the list.");
        if (LastVisitFrom > LastVisitTo)
            ModelState.AddModelError(nameof(LastVisitTo), "The end of the period must not be before its start.");
        if (!ModelState.IsValid)
        {
            // A filter that could not be read lists nobody; the read audit, which fails closed, records that.
            audit.List([], "filter refused");
            return Page();
        }
        PageNumber = Math.Max(1, PageNumber);

        var query = db.Patients.AsNoTracking().Where(p => p.VoidedAt == null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Researchers find a patient by code only ("CTC-00A1F3", "00a1f3", "a1f3"), never by identity.
            var code = PatientSearchText.Pseudonym(Q);
            query = Identified ? Search(query, Q) : query.Where(p => p.Pseudonym == code);
        }
        // An unknown stage in the address matches nobody, as it always has.
        if (Stage is not null) query = KingsStage.FromCode(Stage) is { } stage ? query.Where(p => p.CurrentKingsStage == stage) : query.Where(p => false);
        if (Status is not null) query = query.Where(p => p.VitalState == Status);
        if (LastVisitFrom is not null) query = query.Where(p => p.LastVisitOn >= LastVisitFrom);
        if (LastVisitTo is not null) query = query.Where(p => p.LastVisitOn <= LastVisitTo);

        var filter = $"{Identified}|{Q?.Trim()}|{Stage}|{Status}|{LastVisitFrom}|{LastVisitTo}";
        var searching = Identified && !string.IsNullOrWhiteSpace(Q);
        if (searching && !All)
        {
            // Counted no further than one past the limit: the index stops there instead of reading every match.
            TotalCount = await counts.CountAsync($"{filter}|capped", () => query.Take(SearchMatchLimit + 1).CountAsync(ct));
            if (TotalCount > SearchMatchLimit)
            {
                TooBroad = true;
                PageNumber = 1;
                audit.List([], $"q={Q};stage={Stage};status={Status};from={LastVisitFrom};to={LastVisitTo};too broad");
                return Page();
            }
        }
        else TotalCount = await counts.CountAsync(filter, () => query.CountAsync(ct));
        // A page past the end (a jump to 999) shows the last one.
        PageNumber = Math.Min(PageNumber, PageCount);
        var page = await Ordered(query, searching)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new { p.Id, p.FamilyName, p.GivenName, p.Pseudonym, p.DateOfBirth, p.IsSynthetic, p.Sex, p.CurrentKingsStage, p.CurrentMitosStage, p.LatestAlsfrsRTotal, p.LastVisitOn, p.VitalState, p.VoidedAt })
            .ToListAsync(ct);

        Rows = page.Select(p => new Row(
            PatientIdentityView.For(User, p.Id, p.FamilyName, p.GivenName, p.Pseudonym, p.DateOfBirth, p.IsSynthetic),
            p.Sex.ToString(), p.CurrentKingsStage?.Code(), p.CurrentMitosStage, p.LatestAlsfrsRTotal, p.LastVisitOn, p.VitalState, p.VoidedAt != null)).ToList();

        audit.List(Rows.Select(r => r.Identity.Id),
            $"q={Q};stage={Stage};status={Status};from={LastVisitFrom};to={LastVisitTo};sort={SortColumn};dir={(Descending ? "desc" : "asc")};size={PageSize};page={PageNumber}");
        return Page();
    }

    /// <summary>Every term of the query must match the search column; any of a term's patterns will do.</summary>
    private static IQueryable<Patient> Search(IQueryable<Patient> query, string q)
    {
        // Equality on the lower-cased email, which an expression index serves (PatientEmailIndex migration).
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() here is SQL lower(), the expression the index is on
        if (PatientSearchText.WholeEmail(q) is { } email) return query.Where(p => p.Email != null && p.Email.ToLower() == email);
#pragma warning restore CA1304, CA1311, CA1862
        var terms = PatientSearchText.Terms(q);
        // Typed but nothing searchable in it ("-", "?"): nobody matches rather than everybody.
        if (terms.Count == 0) return query.Where(p => false);
        foreach (var term in terms)
            query = query.Where(AnyLike(term));
        return query;
    }

    private static Expression<Func<Patient, bool>> AnyLike(IReadOnlyList<string> patterns)
    {
        var patient = Expression.Parameter(typeof(Patient), "p");
        var column = Expression.Property(patient, nameof(Patient.SearchText));
        var like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
            [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
        Expression? any = null;
        foreach (var pattern in patterns)
        {
            // Through a closure, so EF Core sends the pattern as a parameter and caches one query shape.
            var holder = new PatternHolder(pattern);
            var call = Expression.Call(like, Expression.Constant(EF.Functions), column,
                Expression.Property(Expression.Constant(holder), nameof(PatternHolder.Pattern)),
                Expression.Constant(PatientSearchText.Escape.ToString()));
            any = any is null ? call : Expression.OrElse(any, call);
        }
        return Expression.Lambda<Func<Patient, bool>>(any!, patient);
    }

    private sealed record PatternHolder(string Pattern);

    /// <summary>Empty values last in both directions and on both databases; the name, then the id, settle ties so pages never overlap.</summary>
    private IQueryable<Patient> Ordered(IQueryable<Patient> query, bool searching)
    {
        // Searching, the trigram index finds the matches and PostgreSQL sorts them. Ordered by the
        // bare column, the planner may walk the name index instead and test every row on the way:
        // for a common name far down the alphabet that reads most of the table (100,000 patients,
        // "petrovic": 243 ms against 47 ms under the same load, docs/benchmarks.md). The empty
        // string appended makes the order an expression no index provides.
        if (searching && SortColumn == Sorts.Name)
        {
            var byName = Descending
                ? query.OrderByDescending(p => p.FamilyName + "").ThenByDescending(p => p.GivenName)
                : query.OrderBy(p => p.FamilyName + "").ThenBy(p => p.GivenName);
            return byName.ThenBy(p => p.Id);
        }
        if (!Identified && SortColumn == Sorts.Name) return Descending ? query.OrderByDescending(p => p.Pseudonym) : query.OrderBy(p => p.Pseudonym);
        var ordered = SortColumn switch
        {
            Sorts.Code => Descending ? query.OrderByDescending(p => p.Pseudonym) : query.OrderBy(p => p.Pseudonym),
            Sorts.LastVisit => Then(query.OrderBy(p => p.LastVisitOn == null), p => p.LastVisitOn),
            Sorts.Alsfrs => Then(query.OrderBy(p => p.LatestAlsfrsRTotal == null), p => p.LatestAlsfrsRTotal),
            Sorts.Stage => Then(query.OrderBy(p => p.CurrentKingsStage == null), p => p.CurrentKingsStage),
            _ => Descending ? query.OrderByDescending(p => p.FamilyName).ThenByDescending(p => p.GivenName) : query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName),
        };
        return Identified ? ordered.ThenBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id) : ordered.ThenBy(p => p.Pseudonym);

        IOrderedQueryable<Patient> Then<TKey>(IOrderedQueryable<Patient> q, Expression<Func<Patient, TKey>> key) =>
            Descending ? q.ThenByDescending(key) : q.ThenBy(key);
    }

    /// <summary>The route values of this list with some changed: for page links, sort links and the forms' hidden fields.</summary>
    public Dictionary<string, string> Route(int? page = null, string? sort = null, bool? descending = null, int? size = null, bool? all = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q, ["stage"] = Stage, ["status"] = Status?.ToString(),
            ["lastVisitFrom"] = LastVisitFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["lastVisitTo"] = LastVisitTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["sort"] = (sort ?? SortColumn) == Sorts.Name ? null : sort ?? SortColumn,
            ["dir"] = descending ?? Descending ? "desc" : null,
            ["size"] = (size ?? PageSize) == DefaultPageSize ? null : (size ?? PageSize).ToString(CultureInfo.InvariantCulture),
            ["p"] = (page ?? PageNumber) == 1 ? null : (page ?? PageNumber).ToString(CultureInfo.InvariantCulture),
            ["all"] = all ?? All ? "true" : null,
        };
        return values.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!);
    }

    /// <summary>The link of a column's heading: that column ascending, or descending when it is already sorted ascending.</summary>
    public Dictionary<string, string> SortRoute(string column) =>
        Route(page: 1, sort: column, descending: column == SortColumn && !Descending);

    /// <summary>The table's headings with the sort each offers (null: not sortable). Researchers see the code in place of the name.</summary>
    public IReadOnlyList<(string? Sort, string Label)> Headings =>
    [
        .. Identified ? [(Sorts.Name, "Patient"), (Sorts.Code, "Code")] : new (string?, string)[] { (Sorts.Code, "Code") },
        (null, "Born"), (null, "Sex"), (Sorts.Stage, "King's"), (null, "MiToS"), (Sorts.Alsfrs, "ALSFRS-R"), (Sorts.LastVisit, "Last visit"), (null, "Status"),
    ];

    /// <summary>aria-sort of a column's heading: only the sorted column has one.</summary>
    public string? AriaSort(string column) => column == SortColumn ? (Descending ? "descending" : "ascending") : null;

    /// <summary>The page numbers to offer: the first, the last, and two either side of this one; null where a gap is.</summary>
    public IReadOnlyList<int?> PageNumbers()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var n = PageNumber - 2; n <= PageNumber + 2; n++)
            if (n >= 1 && n <= PageCount) shown.Add(n);
        var list = new List<int?>();
        int? previous = null;
        foreach (var n in shown)
        {
            if (previous is { } p && n > p + 1) list.Add(null);
            list.Add(n);
            previous = n;
        }
        return list;
    }
}

namespace CellTherapyCenter.Web.Features.Fhir.Search;

/// <summary>A search prefix on a date (FHIR's eq, ge, le, gt, lt; the others are refused).</summary>
public enum DatePrefix { Eq, Ge, Le, Gt, Lt }

/// <summary>
/// One date condition: the prefix and the interval [Start, End) the value's precision spans, in UTC
/// (2024 is the whole year, 2024-03 the month, 2024-03-05 the day, an instant its second).
/// </summary>
public sealed record DateCondition(DatePrefix Prefix, DateTime Start, DateTime End);

/// <summary>A token value: system|code, |code (no system), system| (any code) or code (any system).</summary>
public sealed record SearchToken(string? System, string? Code)
{
    public bool Matches(string system, string code) =>
        (System is null || System == system) && (Code is null || Code == code);
}

/// <summary>Where the next page starts: after the record with this id, from the type's source of this order on.</summary>
public sealed record PageCursor(Guid Id, int Order);

/// <summary>A parsed search: each list is an OR of its values; the conditions of different parameters are ANDed.</summary>
public sealed class SearchFilter
{
    public IReadOnlyList<Guid>? PatientIds { get; init; }
    public IReadOnlyList<SearchToken>? Codes { get; init; }
    public IReadOnlyList<SearchToken>? Identifiers { get; init; }
    public IReadOnlyList<string>? Ids { get; init; }
    public IReadOnlyList<DateCondition> Dates { get; init; } = [];
    public IReadOnlyList<DateCondition> LastUpdated { get; init; } = [];
    public PageCursor? After { get; init; }

    /// <summary>A filter for one record by its id (reads, includes).</summary>
    public static SearchFilter None { get; } = new();
}

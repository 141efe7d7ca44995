using CellTherapyCenter.Clinical.Diagnosis;
using CellTherapyCenter.Outcomes;
using Microsoft.AspNetCore.Mvc;

namespace CellTherapyCenter.Web.Features.Outcomes;

/// <summary>The audit's filters as they travel in a query string: period of first course and subgroup.</summary>
public sealed record AuditQuery
{
    public static readonly string[] Stages = ["1", "2", "3", "4A", "4B"];

    [FromQuery(Name = "from")] public DateOnly? From { get; init; }
    [FromQuery(Name = "to")] public DateOnly? To { get; init; }
    [FromQuery(Name = "site")] public OnsetSite? Site { get; init; }
    [FromQuery(Name = "stage")] public string? Stage { get; init; }

    public ClaimsAuditParameters ToParameters() => new()
    {
        Filter = new ClaimsAuditFilter
        {
            FirstCourseFrom = From,
            FirstCourseTo = To,
            OnsetSite = Site,
            BaselineKingsStage = Stages.Contains(Stage) ? Stage : null,
        },
    };

    public string Describe()
    {
        var parts = new List<string>();
        if (From is { } f) parts.Add($"first course from {f:yyyy-MM-dd}");
        if (To is { } t) parts.Add($"first course to {t:yyyy-MM-dd}");
        if (Site is { } s) parts.Add($"onset {s}");
        if (Stages.Contains(Stage)) parts.Add($"King's stage {Stage} at first course");
        return parts.Count == 0 ? "all treated patients" : string.Join("; ", parts);
    }

    public string QueryString()
    {
        var pairs = new List<string>();
        if (From is { } f) pairs.Add($"from={f:yyyy-MM-dd}");
        if (To is { } t) pairs.Add($"to={t:yyyy-MM-dd}");
        if (Site is { } s) pairs.Add($"site={s}");
        if (Stages.Contains(Stage)) pairs.Add($"stage={Stage}");
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }
}

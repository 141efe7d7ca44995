using CellTherapyCenter.Data.FollowUp;

namespace CellTherapyCenter.Web.Features.FollowUp;

/// <summary>One planned item of a course's schedule, before it is stored.</summary>
/// <param name="Slot">Months after the course start (0 for the baseline); with the kind, unique within a course.</param>
public sealed record PlannedItem(FollowUpKind Kind, int Slot, string Label, DateOnly Target, DateOnly WindowStart, DateOnly WindowEnd);

/// <summary>
/// The schedule rule, pure: from a course's start date, the visits (baseline, 2, 3, 6 and 12
/// months, then yearly) and the monthly self-reports, each with its window. Months are calendar
/// months from the start (31 January + 1 month is 29 February), as patients and staff count them.
/// </summary>
public static class FollowUpPlan
{
    public static IReadOnlyList<PlannedItem> For(DateOnly courseStart, FollowUpOptions o)
    {
        var items = new List<PlannedItem> { Item(FollowUpKind.Visit, 0, "Baseline", courseStart, o.BaselineDaysBefore, o.BaselineDaysAfter) };
        foreach (var m in new[] { 2, 3 })
            items.Add(Item(FollowUpKind.Visit, m, $"{m} months", courseStart.AddMonths(m), o.EarlyVisitDaysBefore, o.EarlyVisitDaysAfter));
        items.Add(Item(FollowUpKind.Visit, 6, "6 months", courseStart.AddMonths(6), o.LaterVisitDaysBefore, o.LaterVisitDaysAfter));
        for (var year = 1; year <= o.YearlyVisitsThroughYear; year++)
            items.Add(Item(FollowUpKind.Visit, 12 * year, year == 1 ? "12 months" : $"Year {year}", courseStart.AddMonths(12 * year),
                o.LaterVisitDaysBefore, o.LaterVisitDaysAfter));
        for (var m = 1; m <= o.SelfReportMonths; m++)
            items.Add(Item(FollowUpKind.SelfReport, m, $"Self-report, month {m}", courseStart.AddMonths(m), o.SelfReportDaysBefore, o.SelfReportDaysAfter));
        return items;
    }

    private static PlannedItem Item(FollowUpKind kind, int slot, string label, DateOnly target, int before, int after) =>
        new(kind, slot, label, target, target.AddDays(-before), target.AddDays(after));
}

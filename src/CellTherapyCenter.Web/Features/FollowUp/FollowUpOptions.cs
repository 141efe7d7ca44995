using CellTherapyCenter.Data.FollowUp;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.FollowUp;

/// <summary>
/// Configuration section <c>FollowUp</c>: the schedule every course generates, its windows, and
/// how the reminder scheduler behaves. Windows are days before and after each target date; a
/// visit or self-report inside a window completes the item, so consecutive windows must not
/// overlap (the validator refuses a configuration where one visit could complete two items).
/// </summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    // The baseline is assessed before the first transplantation, hence the long lead and short tail.
    public int BaselineDaysBefore { get; set; } = 30;
    public int BaselineDaysAfter { get; set; } = 3;
    /// <summary>Visits at 2 and 3 months lie a month apart, so their windows stay narrow.</summary>
    public int EarlyVisitDaysBefore { get; set; } = 14;
    public int EarlyVisitDaysAfter { get; set; } = 14;
    /// <summary>Visits at 6 and 12 months and the yearly ones.</summary>
    public int LaterVisitDaysBefore { get; set; } = 30;
    public int LaterVisitDaysAfter { get; set; } = 30;
    /// <summary>Yearly visits after the 12-month one, through this year of follow-up.</summary>
    public int YearlyVisitsThroughYear { get; set; } = 5;
    /// <summary>Monthly self-reports for this many months after the course start.</summary>
    public int SelfReportMonths { get; set; } = 24;
    public int SelfReportDaysBefore { get; set; } = 3;
    public int SelfReportDaysAfter { get; set; } = 10;

    /// <summary>The reminder scheduler runs only when true (email itself also needs <c>Email:Enabled</c> to leave the outbox).</summary>
    public bool SchedulerEnabled { get; set; } = true;
    public int PollMinutes { get; set; } = 5;
    /// <summary>Reminders queued per transaction; a crash loses at most one uncommitted batch, which the next pass redoes.</summary>
    public int BatchSize { get; set; } = 2000;
    /// <summary>IANA time zone of the clinic: quiet hours and "today" are the clinic's.</summary>
    public string TimeZone { get; set; } = "Europe/Belgrade";
    /// <summary>No reminder is queued from <see cref="QuietHoursStart"/> until <see cref="QuietHoursEnd"/> (clinic time, may wrap midnight).</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);
    /// <summary>Where decline alerts are announced (no health data in the message: a pseudonym and a link).</summary>
    public string StaffEmail { get; set; } = "followup@celltherapycenter.local";
    public string WorklistUrl { get; set; } = "https://localhost/staff/follow-up";
    /// <summary>Where patients answer their self-report (the portal, issue 5).</summary>
    public string PortalUrl { get; set; } = "https://localhost/portal";
    /// <summary>A fall of the self-reported ALSFRS-R total by at least this many points alerts staff.</summary>
    public int DeclineAlertPoints { get; set; } = 4;
    /// <summary>
    /// Whether synthetic (demo) patients get reminders. Off by default: their addresses are
    /// invented, and a demo registry with email switched on must not fill a real server's queue.
    /// The benchmark switches it on, its cohort being synthetic.
    /// </summary>
    public bool RemindSyntheticPatients { get; set; }

    public TimeSpan Poll => TimeSpan.FromMinutes(PollMinutes);

    /// <summary>The longest window any item has: bounds the index range that the scans of open items read.</summary>
    public int LongestWindowDays => new[]
    {
        BaselineDaysBefore + BaselineDaysAfter, EarlyVisitDaysBefore + EarlyVisitDaysAfter,
        LaterVisitDaysBefore + LaterVisitDaysAfter, SelfReportDaysBefore + SelfReportDaysAfter,
    }.Max();

    public TimeZoneInfo ClinicTimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public bool IsQuiet(TimeOnly local) => QuietHoursStart <= QuietHoursEnd
        ? local >= QuietHoursStart && local < QuietHoursEnd
        : local >= QuietHoursStart || local < QuietHoursEnd;
}

internal sealed class FollowUpOptionsValidator : IValidateOptions<FollowUpOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowUpOptions o)
    {
        var errors = new List<string>();
        int[] days = [o.BaselineDaysBefore, o.BaselineDaysAfter, o.EarlyVisitDaysBefore, o.EarlyVisitDaysAfter,
            o.LaterVisitDaysBefore, o.LaterVisitDaysAfter, o.SelfReportDaysBefore, o.SelfReportDaysAfter];
        if (days.Any(d => d is < 0 or > 180)) errors.Add("FollowUp window days must lie between 0 and 180.");
        if (o.YearlyVisitsThroughYear is < 1 or > 30) errors.Add("FollowUp:YearlyVisitsThroughYear must lie between 1 and 30.");
        if (o.SelfReportMonths is < 0 or > 120) errors.Add("FollowUp:SelfReportMonths must lie between 0 and 120.");
        if (o.PollMinutes is < 1 or > 1440) errors.Add("FollowUp:PollMinutes must lie between 1 and 1440.");
        if (o.BatchSize is < 1 or > 100_000) errors.Add("FollowUp:BatchSize must lie between 1 and 100000.");
        if (o.DeclineAlertPoints is < 1 or > 48) errors.Add("FollowUp:DeclineAlertPoints must lie between 1 and 48.");
        try { _ = o.ClinicTimeZone; }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { errors.Add($"FollowUp:TimeZone '{o.TimeZone}' is not a known time zone."); }
        if (errors.Count == 0)
        {
            // Overlapping windows would let one visit complete two items: refuse at start rather than guess.
            foreach (var kind in new[] { FollowUpKind.Visit, FollowUpKind.SelfReport })
            {
                var plan = FollowUpPlan.For(new DateOnly(2024, 1, 31), o).Where(i => i.Kind == kind).ToList();
                for (var i = 1; i < plan.Count; i++)
                    if (plan[i].WindowStart <= plan[i - 1].WindowEnd)
                        errors.Add($"FollowUp windows overlap: {plan[i - 1].Label} and {plan[i].Label}.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

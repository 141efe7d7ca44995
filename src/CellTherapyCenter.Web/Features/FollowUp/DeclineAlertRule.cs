namespace CellTherapyCenter.Web.Features.FollowUp;

/// <summary>What the decline rule needs of one self-report: the total and the three respiratory items.</summary>
public readonly record struct SelfReportScores(int? Total, int? Dyspnea, int? Orthopnea, int? RespiratoryInsufficiency);

/// <summary>
/// When staff must look at a self-report: its total fell by <c>thresholdPoints</c> or more since
/// the patient's previous self-report, or any respiratory item (10 dyspnea, 11 orthopnea, 12
/// respiratory insufficiency) fell. A fall of one point in a respiratory item already matters
/// (new breathlessness, ventilation), so there is no threshold there. Incomplete totals are not
/// compared: a missing item is not a fall.
/// </summary>
public static class DeclineAlertRule
{
    /// <summary>The reason for an alert, or null when there is none.</summary>
    public static string? Evaluate(SelfReportScores previous, SelfReportScores current, int thresholdPoints)
    {
        var reasons = new List<string>();
        if (previous.Total is { } before && current.Total is { } now && before - now >= thresholdPoints)
            reasons.Add($"total fell by {before - now} ({before} → {now})");
        Item("dyspnea", previous.Dyspnea, current.Dyspnea);
        Item("orthopnea", previous.Orthopnea, current.Orthopnea);
        Item("respiratory insufficiency", previous.RespiratoryInsufficiency, current.RespiratoryInsufficiency);
        return reasons.Count == 0 ? null : string.Join("; ", reasons);

        void Item(string name, int? before, int? now)
        {
            if (before is { } b && now is { } n && n < b) reasons.Add($"{name} fell {b} → {n}");
        }
    }
}

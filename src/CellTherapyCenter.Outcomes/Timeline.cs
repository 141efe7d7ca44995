using CellTherapyCenter.Clinical;

namespace CellTherapyCenter.Outcomes;

/// <summary>Date arithmetic shared by the claims, in <see cref="ClinicalMonth"/>s.</summary>
internal static class Timeline
{
    public static double Months(DateOnly from, DateOnly to) => ClinicalMonth.Between(from, to);

    public static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>The course's baseline: the latest ALSFRS-R on the start day or in the window before it.</summary>
    public static AssessmentFact? Baseline(PatientFacts patient, DateOnly courseStart, int windowDays)
    {
        AssessmentFact? baseline = null;
        foreach (var a in patient.Assessments)
        {
            if (a.Date > courseStart) break;
            if (a.Date.DayNumber >= courseStart.DayNumber - windowDays) baseline = a;
        }
        return baseline;
    }

    /// <summary>The start of the course after the first, which ends the first course's own follow-up.</summary>
    public static DateOnly? SecondCourse(PatientFacts patient) => patient.CourseStarts.Count > 1 ? patient.CourseStarts[1] : null;

    /// <summary>King's stage at the first course: the baseline ALSFRS-R's, raised to 4A/4B by a gastrostomy or ventilation recorded by then.</summary>
    public static string? BaselineKingsStage(PatientFacts patient, int windowDays)
    {
        if (patient.FirstCourse is not { } start) return null;
        if (patient.TracheostomyDate <= start || patient.PermanentVentilationDate <= start) return "4B";
        var stage = Baseline(patient, start, windowDays)?.KingsStage;
        if (stage is "4B") return stage;
        if (patient.GastrostomyDate <= start) return "4A";
        return stage;
    }

    public static bool IsAdvanced(string? kingsStage) => kingsStage is "4A" or "4B";
}

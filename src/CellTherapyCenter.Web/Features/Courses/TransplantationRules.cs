using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CellTherapyCenter.Web.Features.Courses;

/// <summary>
/// What a transplantation must say, wherever it is recorded or corrected (the course page's
/// "Record a transplantation" and the transplantation's own form): one set of rules, errors filed
/// beside the fields under <paramref name="prefix"/> (the bound property's name, "Transplantation").
/// </summary>
public static class TransplantationRules
{
    public static void Check(ModelStateDictionary modelState, string prefix, CourseFormModel.TransplantationInput t, TreatmentCourse course, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(course);
        string Key(string field) => $"{prefix}.{field}";
        if (t.Date is not { } date) modelState.AddModelError(Key(nameof(t.Date)), "Enter the date.");
        else if (date > today || date < course.StartDate.AddDays(-7) || (course.EndDate is { } end && date > end.AddDays(7)))
            modelState.AddModelError(Key(nameof(t.Date)), "The date must fall within the course (a week either side) and not in the future.");
        if (string.IsNullOrWhiteSpace(t.CellProductLot)) modelState.AddModelError(Key(nameof(t.CellProductLot)), "Enter the cell product lot: every transplantation must be traceable.");
        // The forms clear model state before these rules, so the lot's [TextLimit] is checked here (else PostgreSQL refuses it with a 500).
        else if (t.CellProductLot.Length > FieldLengths.Label)
            modelState.AddModelError(Key(nameof(t.CellProductLot)), new TextLimitAttribute(FieldLengths.Label).FormatErrorMessage("Cell product lot"));
        if (t.SuspensionCount is not (>= 1 and <= 20)) modelState.AddModelError(Key(nameof(t.SuspensionCount)), "Enter the number of suspensions, 1 to 20.");
        if (t.VolumeMl is not (>= 0.1m and <= 100m)) modelState.AddModelError(Key(nameof(t.VolumeMl)), "Enter the total volume, 0.1 to 100 ml.");
    }

    /// <summary>Copies checked input onto a transplantation (new or stored).</summary>
    public static void ApplyTo(CourseFormModel.TransplantationInput t, Transplantation target)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(target);
        target.Date = t.Date!.Value;
        target.CellProductLot = t.CellProductLot!.Trim();
        target.SuspensionCount = t.SuspensionCount!.Value;
        target.VolumeMl = t.VolumeMl!.Value;
        target.Route = t.Route;
    }
}

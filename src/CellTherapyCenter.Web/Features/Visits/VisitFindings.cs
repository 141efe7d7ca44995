using CellTherapyCenter.Clinical.Symptoms;
using CellTherapyCenter.Clinical.Text;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Visits;

namespace CellTherapyCenter.Web.Features.Visits;

/// <summary>
/// The rows a visit's form records (symptom inventory, examination findings, patient-reported
/// change), named as a clinician reads them, in the order the form asks them. Each is a record of
/// its own: changed through the visit form (one audit line per changed row) or voided alone on
/// <c>VisitFinding</c>.
/// </summary>
public static class VisitFindings
{
    public sealed record Finding(RegistryRecord Row, string Kind, string Item, string Value);

    public static IReadOnlyList<Finding> Of(Visit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return
        [
            .. visit.Symptoms.OrderBy(s => s.Symptom).ThenBy(s => s.Id).Select(Describe),
            .. visit.ExaminationFindings.OrderBy(f => f.Domain).ThenBy(f => f.Id).Select(Describe),
            .. visit.ReportedChanges.OrderBy(c => c.Aspect).ThenBy(c => c.Id).Select(Describe),
        ];
    }

    public static Finding Describe(RegistryRecord row) => row switch
    {
        SymptomObservation s => new(row, "Symptom", AlsSymptoms.Describe(s.Symptom), EnumText.Describe(s.Severity)),
        ExaminationFinding f => new(row, "Examination", EnumText.Describe(f.Domain),
            EnumText.Describe(f.Change) + (string.IsNullOrWhiteSpace(f.Note) ? "" : $" ({f.Note})")),
        PatientReportedChange c => new(row, "Patient-reported change", EnumText.Describe(c.Aspect), ChangeRatings.Describe(c.Rating)),
        _ => throw new ArgumentException($"{row?.GetType().Name} is not a visit finding.", nameof(row)),
    };
}

namespace CellTherapyCenter.Web.Features.Patients.Summary;

/// <summary>
/// A page about one patient (the chart, a record form, the eligibility screen). The staff layout
/// prints the patient's name and code, and when the page was made, at the top of every printed
/// page of it (<c>_PrintHeader.cshtml</c>; shown only in print). Null while no patient is loaded.
/// </summary>
public interface IShowsOnePatient
{
    PatientIdentityView? ShownPatient { get; }
}

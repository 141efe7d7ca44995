using CellTherapyCenter.Web.Infrastructure;

namespace CellTherapyCenter.Web.Features.Portal.Privacy;

/// <summary>"Download my data": what the download holds, and the link to it (<see cref="MyDataEndpoint"/>, audited there).</summary>
public sealed class MyDataModel(PortalSession session, PatientReadAudit audit) : PortalPageModel(session, audit)
{
    // The page describes the download; it shows nothing stored about the patient.
    public void OnGet() => HttpContext.RequestServices.GetRequiredService<PatientReadAudit>().NothingRead();
}

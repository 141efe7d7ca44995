using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Features.Inquiries;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Privacy;

/// <summary>
/// The records of processing activities (GDPR Art. 30) for administrators. The retention periods
/// and limits are read from the running configuration, so the page states what the app does.
/// </summary>
[Authorize(Policy = StaffPolicies.Administer)]
[NoPatientData]
public sealed class RecordsOfProcessingModel(IOptions<PrivacyOptions> privacy, IOptions<FollowUpOptions> followUp,
    IOptions<InquiryOptions> inquiries, IOptions<ClinicOptions> clinic) : PageModel
{
    public PrivacyOptions Privacy => privacy.Value;
    public FollowUpOptions FollowUp => followUp.Value;
    public InquiryOptions Inquiries => inquiries.Value;
    public ClinicOptions Clinic => clinic.Value;

    public void OnGet() { }
}

using CellTherapyCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Accounts;

[Authorize(Policy = StaffPolicies.Staff)]
[NoPatientData]
public sealed class StaffHomeModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Patients/Index");
}

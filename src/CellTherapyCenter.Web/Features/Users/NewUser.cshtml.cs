using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Users;

[Authorize(Policy = StaffPolicies.Administer)]
[NoPatientData]
public sealed class NewUserModel(UserManager<StaffUser> users, AuditLog audit) : PageModel
{
    [TextLimit(FieldLengths.Email)]
    [BindProperty, Required(ErrorMessage = "Enter the email address."), EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Enter the person's name."), TextLimit(FieldLengths.PersonName), PersonName]
    public string DisplayName { get; set; } = "";
    [TextLimit(FieldLengths.Code)]
    [BindProperty, Required(ErrorMessage = "Choose a role.")]
    public string Role { get; set; } = StaffRoles.Coordinator;
    [TextLimit(FieldLengths.Password)]
    [BindProperty, Required(ErrorMessage = "Enter an initial password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!StaffRoles.All.Contains(Role)) ModelState.AddModelError(nameof(Role), "Choose a role from the list.");
        if (!ModelState.IsValid) return Page();
        var user = new StaffUser { UserName = Email.Trim(), Email = Email.Trim(), EmailConfirmed = true, DisplayName = DisplayName.Trim(), MustChangePassword = true };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
                ModelState.AddModelError(e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), e.Description);
            return Page();
        }
        await users.AddToRoleAsync(user, Role);
        await audit.WriteAsync(AuditActions.UserCreated, nameof(StaffUser), user.Id, null, JsonSerializer.Serialize(new { user.Email, roles = new[] { Role } }), ct);
        return RedirectToPage("/Users/Users");
    }
}

using System.ComponentModel.DataAnnotations;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CellTherapyCenter.Web.Features.Accounts.Sessions;

/// <summary>
/// A staff member's own signed-in sessions (ASVS 4.0.3 V3.3.4): when each began, when it was last
/// used, its browser and system, this device marked. "Sign out" on a session, or on all the others,
/// first asks for the password (<c>?end=</c> a session's id or <c>others</c>); only this user's open
/// sessions can be named, anything else is a 404.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[NoPatientData]
public sealed class SessionListModel(UserManager<StaffUser> users, OwnSessions own) : PageModel
{
    public SessionList List { get; private set; } = new([], null);

    /// <summary>The sessions the password form would end, or null when no "sign out" was chosen.</summary>
    public IReadOnlyList<LiveSession>? Ending { get; private set; }

    public bool EndingAllOthers => End == OwnSessions.AllOthers;

    [BindProperty(SupportsGet = true), TextLimit(FieldLengths.Code)] public string? End { get; set; }

    [BindProperty, TextLimit(FieldLengths.Password), DataType(DataType.Password)] public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return await LoadAsync(user, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await LoadAsync(user, ct) || Ending is null) return NotFound();
        if (string.IsNullOrEmpty(Password)) ModelState.AddFieldError(() => Password, "Type your password: signing out a session needs it.");
        if (!ModelState.IsValid) return Page();

        var (outcome, ended) = await own.EndAsync(user, Ending, Password!, ct);
        switch (outcome)
        {
            case EndOutcome.Ended:
                SavedBanner.Show(TempData, ended == 1 ? "One session was signed out." : $"{ended} sessions were signed out.");
                return RedirectToPage();
            case EndOutcome.Waiting:
                ModelState.AddFieldError(() => Password, "After several wrong passwords your account must wait a few minutes. Nothing was signed out; try again later.");
                return Page();
            default:
                ModelState.AddFieldError(() => Password, "That is not your password. Nothing was signed out.");
                return Page();
        }
    }

    /// <summary>Loads the list; false when <see cref="End"/> names something that is not one of this user's open sessions.</summary>
    private async Task<bool> LoadAsync(StaffUser user, CancellationToken ct)
    {
        List = await own.ListAsync(HttpContext, user.Id, portal: false, ct);
        if (string.IsNullOrEmpty(End)) return true;
        Ending = List.Resolve(End);
        return Ending is not null;
    }

    /// <summary>"Chrome on Windows", or what is known of it.</summary>
    public static string Device(LiveSession session) => (session?.Browser, session?.Platform) switch
    {
        ({ } b, { } p) => $"{b} on {p}",
        ({ } b, null) => $"{b}, system unknown",
        (null, { } p) => $"A browser on {p}",
        _ => "Unknown browser and system",
    };

    public static string When(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}

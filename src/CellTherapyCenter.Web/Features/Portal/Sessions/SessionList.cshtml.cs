using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Sessions;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CellTherapyCenter.Web.Features.Portal.Sessions;

/// <summary>
/// Where a patient or caregiver is signed in to the portal (ASVS 4.0.3 V3.3.4), reached from the
/// settings page: each session's browser and system, when it began and was last used (clinic time),
/// this device marked, and signing out one session or all the others after typing the password
/// again. Only the account's own open sessions can be named; anything else is a 404.
/// </summary>
public sealed class SessionListModel(PortalSession session, PatientReadAudit audit, UserManager<StaffUser> users, OwnSessions own,
    IStringLocalizer<SessionsText> text, IOptions<FollowUpOptions> followUp) : PortalPageModel(session, audit)
{
    public SessionList List { get; private set; } = new([], null);
    public IReadOnlyList<LiveSession>? Ending { get; private set; }
    public bool EndingAllOthers => End == OwnSessions.AllOthers;
    public bool Ended { get; private set; }

    [BindProperty(SupportsGet = true), TextLimit(FieldLengths.Code, Translated = true)] public string? End { get; set; }

    [BindProperty, TextLimit(FieldLengths.Password, Translated = true), DataType(DataType.Password)] public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync(bool ended, CancellationToken ct)
    {
        // The page lists sign-ins of the account, nothing of the patient's record.
        HttpContext.RequestServices.GetRequiredService<PatientReadAudit>().NothingRead();
        Ended = ended;
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return await LoadAsync(user, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await LoadAsync(user, ct) || Ending is null) return NotFound();
        if (string.IsNullOrEmpty(Password)) ModelState.AddFieldError(() => Password, text["Sessions.PasswordRequired"]);
        if (!ModelState.IsValid) return Page();

        var (outcome, _) = await own.EndAsync(user, Ending, Password!, ct);
        if (outcome == EndOutcome.Ended) return RedirectToPage("/Portal/Sessions/SessionList", new { ended = "true" });
        ModelState.AddFieldError(() => Password, text[outcome == EndOutcome.Waiting ? "Sessions.Waiting" : "Sessions.WrongPassword"]);
        return Page();
    }

    private async Task<bool> LoadAsync(StaffUser user, CancellationToken ct)
    {
        List = await own.ListAsync(HttpContext, user.Id, portal: true, ct);
        if (string.IsNullOrEmpty(End)) return true;
        Ending = List.Resolve(End);
        return Ending is not null;
    }

    /// <summary>"Chrome on Windows" in the reader's language, or what is known of it.</summary>
    public string Device(LiveSession s) => (s?.Browser, s?.Platform) switch
    {
        ({ } b, { } p) => text["Sessions.Device", b, p],
        ({ } b, null) => b,
        (null, { } p) => text["Sessions.PlatformOnly", p],
        _ => text["Sessions.UnknownDevice"],
    };

    /// <summary>When the session began and was last used, in the clinic's time zone, day first.</summary>
    public string Times(LiveSession s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return text["Sessions.Times", Local(s.StartedAt), Local(s.LastSeenAt)];
    }

    private string Local(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), followUp.Value.ClinicTimeZone);
        return string.Format(CultureInfo.CurrentCulture, "{0:D}, {0:HH:mm}", local);
    }
}

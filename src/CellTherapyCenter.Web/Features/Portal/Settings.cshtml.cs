using CellTherapyCenter.Data;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Infrastructure.Localization;
using CellTherapyCenter.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Portal;

/// <summary>
/// The account's choices: larger text and high contrast (first, as they help read the rest), language,
/// how questions are shown, and whether reminders are sent.
/// </summary>
public sealed class SettingsModel(PortalSession session, PatientReadAudit audit, RegistryDbContext db, TimeProvider clock)
    : PortalPageModel(session, audit)
{
    [TextLimit(FieldLengths.SiteLanguage, Translated = true)]
    [BindProperty] public string Language { get; set; } = "en";
    [BindProperty] public bool OneQuestionPerScreen { get; set; }
    [BindProperty] public bool Reminders { get; set; }
    [BindProperty] public bool LargerText { get; set; }
    [BindProperty] public bool HighContrast { get; set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Language = Account.Language;
        OneQuestionPerScreen = Account.OneQuestionPerScreen;
        Reminders = !await db.PatientFollowUps.AnyAsync(f => f.PatientId == Account.PatientId && f.VoidedAt == null && f.RemindersOptedOutAt != null, ct);
        (LargerText, HighContrast) = PortalDisplay.Read(Request);
        Saved = saved;
        AuditRead("portal settings");
    }

    /// <summary>Larger text and high contrast, kept in this browser (<see cref="PortalDisplay"/>).</summary>
    public IActionResult OnPostDisplay()
    {
        new PortalDisplay(LargerText, HighContrast).Remember(Response);
        return RedirectToPage("/Portal/Settings", new { saved = "true" });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var language = SiteLanguages.Find(Language) ?? SiteLanguages.Current;
        var account = await db.PortalAccounts.SingleAsync(a => a.Id == Account.Id, ct);
        account.Language = language.Culture;
        account.OneQuestionPerScreen = OneQuestionPerScreen;
        await PortalLanguage.SyncPatientAsync(db, account, language, ct);
        var followUp = await db.PatientFollowUps.FirstOrDefaultAsync(f => f.PatientId == Account.PatientId && f.VoidedAt == null, ct);
        if (followUp is null && !Reminders)
            db.PatientFollowUps.Add(followUp = new PatientFollowUp { PatientId = Account.PatientId });
        if (followUp is not null)
        {
            if (!Reminders && followUp.RemindersOptedOutAt is null) followUp.RemindersOptedOutAt = clock.GetUtcNow().UtcDateTime;
            if (Reminders) followUp.RemindersOptedOutAt = null;
        }
        await db.SaveChangesAsync(ct);
        LocalizationSetup.RememberLanguage(Response, language);
        return RedirectToPage("/Portal/Settings", new { saved = "true" });
    }
}

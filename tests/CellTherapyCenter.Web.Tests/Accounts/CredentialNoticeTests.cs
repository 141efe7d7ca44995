using System.Net;
using System.Text.RegularExpressions;
using CellTherapyCenter.Data.Email;
using CellTherapyCenter.Web.Features.Accounts;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Accounts;

/// <summary>
/// Every change to how a staff member signs in queues a plain-text email to them (ASVS 2.2.3, 2.5.5):
/// what changed, when, what to do if it was not them, and no secret.
/// </summary>
public sealed partial class CredentialNoticeTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task A_password_change_is_told_by_email_without_the_password(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        var client = await SignedInAsync(app, email);
        Assert.Empty(await NoticesAsync(app, email));

        var changed = await StaffSession.SubmitFormAsync(client, "/staff/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = RegistryAppFactory.TestPassword, ["NewPassword"] = "Noticed phrase of mine 3", ["ConfirmPassword"] = "Noticed phrase of mine 3",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var notice = Assert.Single(await NoticesAsync(app, email));
        Assert.Equal("Your CellTherapyCenter password was changed", notice.Subject);
        AssertSaysWhatWhenAndWhatToDo(notice, "The password of your CellTherapyCenter staff account was changed on ");
        Assert.DoesNotContain("Noticed phrase of mine 3", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(RegistryAppFactory.TestPassword, notice.TextBody, StringComparison.Ordinal);
        Assert.Null(notice.HtmlBody);
    }

    [Theory, EveryDatabase]
    public async Task A_password_reset_through_the_emailed_link_is_told_by_email(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        await StaffSession.SubmitFormAsync(app.CreateBrowserClient(), "/staff/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        var protectedBody = await app.WithDbAsync(db => db.OutboundEmails
            .Where(e => e.ToAddress == email && e.Kind == ForgotPasswordModel.EmailKind).Select(e => e.TextBody).SingleAsync());
        var link = new Uri(ResetLink().Match(OutboxPrivacy.Reveal(app.Services, protectedBody)).Value);
        var reset = await StaffSession.SubmitFormAsync(app.CreateBrowserClient(), link.PathAndQuery,
            new Dictionary<string, string> { ["NewPassword"] = "Reset and noticed 77", ["ConfirmPassword"] = "Reset and noticed 77" });
        Assert.Contains("Your password was changed", await reset.Content.ReadAsStringAsync());

        var notice = Assert.Single(await NoticesAsync(app, email));
        Assert.Equal("Your CellTherapyCenter password was reset", notice.Subject);
        AssertSaysWhatWhenAndWhatToDo(notice, "was replaced through an emailed reset link on ");
        Assert.DoesNotContain("Reset and noticed 77", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("reset-password", notice.TextBody, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Adding_an_authenticator_new_recovery_codes_and_removing_it_are_each_told_without_key_or_codes(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        var client = await SignedInAsync(app, email);
        var (key, codes) = await StaffAccountKit.EnrolAuthenticatorAsync(client);
        var added = Assert.Single(await NoticesAsync(app, email));
        Assert.Equal("An authenticator app was added to your CellTherapyCenter account", added.Subject);
        AssertSaysWhatWhenAndWhatToDo(added, "An authenticator app was set up as a second factor");

        var regenerated = await StaffSession.SubmitFormAsync(client, "/staff/account", new Dictionary<string, string>(), "form[action*='handler=RecoveryCodes']");
        Assert.Equal(HttpStatusCode.OK, regenerated.StatusCode);
        var newCodes = StaffSession.Parse(await regenerated.Content.ReadAsStringAsync()).QuerySelectorAll("ul.recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, newCodes.Count);
        var notices = await NoticesAsync(app, email);
        Assert.Equal(2, notices.Count);
        Assert.Equal("New recovery codes for your CellTherapyCenter account", notices[1].Subject);
        AssertSaysWhatWhenAndWhatToDo(notices[1], "New recovery codes were made");

        var removed = await StaffSession.SubmitFormAsync(client, "/staff/account", new Dictionary<string, string>(), "form[action*='handler=RemoveAuthenticator']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        notices = await NoticesAsync(app, email);
        Assert.Equal(3, notices.Count);
        Assert.Equal("An authenticator app was removed from your CellTherapyCenter account", notices[2].Subject);
        AssertSaysWhatWhenAndWhatToDo(notices[2], "The authenticator app and its recovery codes were removed");

        foreach (var notice in notices)
        {
            Assert.DoesNotContain(key, notice.TextBody, StringComparison.OrdinalIgnoreCase);
            foreach (var code in codes.Concat(newCodes)) Assert.DoesNotContain(code, notice.TextBody, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory, EveryDatabase]
    public async Task Adding_and_removing_a_passkey_are_each_told_by_email_naming_it(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        var client = await SignedInAsync(app, email);
        using var passkey = new SoftPasskey();
        var added = await StaffAccountKit.AddPasskeyAsync(client, passkey);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var notice = Assert.Single(await NoticesAsync(app, email));
        Assert.Equal("A passkey was added to your CellTherapyCenter account", notice.Subject);
        AssertSaysWhatWhenAndWhatToDo(notice, "The passkey \"Passkey 1\" was added to your CellTherapyCenter staff account on ");

        var page = StaffSession.Parse(await client.GetStringAsync("/staff/account"));
        var passkeyId = page.QuerySelector("form[action*='handler=RemovePasskey'] input[name=PasskeyId]")!.GetAttribute("value")!;
        var removed = await StaffSession.SubmitFormAsync(client, "/staff/account", new Dictionary<string, string> { ["PasskeyId"] = passkeyId },
            "form[action*='handler=RemovePasskey']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var notices = await NoticesAsync(app, email);
        Assert.Equal(2, notices.Count);
        Assert.Equal("A passkey was removed from your CellTherapyCenter account", notices[1].Subject);
        AssertSaysWhatWhenAndWhatToDo(notices[1], "The passkey \"Passkey 1\" was removed from your CellTherapyCenter staff account on ");
    }

    /// <summary>Plain text to the account's own address: what changed and when (UTC), and what to do if it was not them, with the way to a new password.</summary>
    private static void AssertSaysWhatWhenAndWhatToDo(OutboundEmail notice, string what)
    {
        Assert.Contains(what, notice.TextBody, StringComparison.Ordinal);
        Assert.Matches(@" on \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} UTC", notice.TextBody);
        Assert.Contains("If you did not", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://localhost/staff/forgot-password", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("tell your administrator", notice.TextBody, StringComparison.Ordinal);
        Assert.Null(notice.HtmlBody);
        Assert.Null(notice.SentAt);
        Assert.Null(notice.FailedAt);
    }

    private static Task<List<OutboundEmail>> NoticesAsync(RegistryAppFactory app, string email) => app.WithDbAsync(db => db.OutboundEmails
        .Where(e => e.ToAddress == email && e.Kind == CredentialNotices.EmailKind).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync());

    private static async Task<HttpClient> SignedInAsync(RegistryAppFactory app, string email)
    {
        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword)).StatusCode);
        return client;
    }

    [GeneratedRegex(@"https?://\S+/staff/reset-password\S+")]
    private static partial Regex ResetLink();
}

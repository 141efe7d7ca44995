using System.Net;
using System.Text.RegularExpressions;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Accounts;
using CellTherapyCenter.Web.Features.Accounts.Passwords;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Accounts;

/// <summary>Password change, the emailed one-use reset link, common passwords, and the forced change of an administrator-set password.</summary>
public sealed partial class PasswordTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory]
    [InlineData("Password1234")]
    [InlineData("qwertyqwerty")]
    [InlineData("Dragon-2024-!!")]
    [InlineData("LEAVEMEALONE")]
    public void Common_passwords_and_listed_ones_with_digits_added_are_recognised(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("Test-password-1234")]
    [InlineData("violet tram under the bridge")]
    public void Own_phrases_pass(string password) => Assert.False(CommonPasswordValidator.IsCommon(password));

    [Theory, EveryDatabase]
    public async Task An_administrator_cannot_set_a_common_password_and_is_told_why_beside_the_field(DatabaseProvider database)
    {
        var app = apps[database];
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);
        foreach (var password in new[] { "Password1234", "Qwertyqwerty1" })
        {
            var response = await StaffSession.SubmitFormAsync(admin, "/staff/users/new", new Dictionary<string, string>
            {
                ["Email"] = $"common-{Guid.NewGuid():N}@test.local", ["DisplayName"] = "Common", ["Role"] = StaffRoles.Coordinator, ["Password"] = password,
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var message = StaffSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Password']")?.TextContent;
            Assert.Contains("most common passwords", message);
        }
    }

    [Theory, EveryDatabase]
    public async Task A_new_user_must_replace_the_administrators_password_at_first_sign_in_and_reaches_nothing_else_until_then(DatabaseProvider database)
    {
        var app = apps[database];
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);
        var email = $"first-{Guid.NewGuid():N}@test.local";
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SubmitFormAsync(admin, "/staff/users/new", new Dictionary<string, string>
        {
            ["Email"] = email, ["DisplayName"] = "First Day", ["Role"] = StaffRoles.Physician, ["Password"] = "Chosen-by-admin-7731",
        })).StatusCode);

        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(client, email, "Chosen-by-admin-7731")).StatusCode);
        foreach (var url in new[] { "/staff", "/staff/patients", "/staff/account" })
        {
            var held = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
            Assert.Equal("/staff/account/password", held.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/staff/patients/new", new FormUrlEncodedContent([]))).StatusCode);

        var same = await StaffSession.SubmitFormAsync(client, "/staff/account/password", Fields("Chosen-by-admin-7731", "Chosen-by-admin-7731"));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var changed = await StaffSession.SubmitFormAsync(client, "/staff/account/password", Fields("Chosen-by-admin-7731", "My own long phrase 42"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/patients")).StatusCode);

        var user = await StaffAccountKit.UserAsync(app, email);
        Assert.False(user.MustChangePassword);
        Assert.True(await StaffAccountKit.AuditedAsync(app, AccountAuditActions.PasswordChanged, user.Id));
        Assert.Equal(HttpStatusCode.OK, (await StaffSession.SignInAsync(app.CreateBrowserClient(), email, "Chosen-by-admin-7731")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(app.CreateBrowserClient(), email, "My own long phrase 42")).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task A_password_change_needs_the_current_password_and_refuses_a_common_one(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        var client = app.CreateBrowserClient();
        await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword);

        var wrong = await StaffSession.SubmitFormAsync(client, "/staff/account/password", Fields("not-the-password-1", "Another long phrase 9"));
        Assert.Contains("current password is not right", StaffSession.Parse(await wrong.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='CurrentPassword']")?.TextContent);
        var common = await StaffSession.SubmitFormAsync(client, "/staff/account/password", Fields(RegistryAppFactory.TestPassword, "Password1234"));
        Assert.Contains("most common passwords", StaffSession.Parse(await common.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='NewPassword']")?.TextContent);
    }

    [Theory, EveryDatabase]
    public async Task A_password_change_ends_the_accounts_other_sessions_at_once_and_keeps_this_one(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        var here = app.CreateBrowserClient();
        var elsewhere = app.CreateBrowserClient();
        await StaffSession.SignInAsync(here, email, RegistryAppFactory.TestPassword);
        await StaffSession.SignInAsync(elsewhere, email, RegistryAppFactory.TestPassword);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/staff/patients")).StatusCode);

        var changed = await StaffSession.SubmitFormAsync(here, "/staff/account/password", Fields(RegistryAppFactory.TestPassword, "Fresh phrase of mine 8"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // Not a minute later at the security stamp's next check: the very next request.
        var refused = await elsewhere.GetAsync("/staff/patients");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/staff/login", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/staff/patients")).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task The_emailed_reset_link_works_once_and_the_answer_is_the_same_for_an_unknown_address(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        // A session opened with the old password (by whoever knew it) ends with the reset.
        var before = app.CreateBrowserClient();
        await StaffSession.SignInAsync(before, email, RegistryAppFactory.TestPassword);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/staff/patients")).StatusCode);
        var unknown = await StaffSession.SubmitFormAsync(app.CreateBrowserClient(), "/staff/forgot-password", new Dictionary<string, string> { ["Email"] = $"nobody-{Guid.NewGuid():N}@test.local" });
        var known = await StaffSession.SubmitFormAsync(app.CreateBrowserClient(), "/staff/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(MainText(await unknown.Content.ReadAsStringAsync()), MainText(await known.Content.ReadAsStringAsync()));

        var body = await app.WithDbAsync(db => db.OutboundEmails.Where(e => e.ToAddress == email && e.Kind == ForgotPasswordModel.EmailKind).Select(e => e.TextBody).SingleAsync());
        // Stored encrypted (the link is a secret), as the dispatcher reads it just before sending.
        Assert.DoesNotContain("reset-password", body, StringComparison.Ordinal);
        var link = new Uri(ResetLink().Match(OutboxPrivacy.Reveal(app.Services, body)).Value);
        var client = app.CreateBrowserClient();
        var reset = await StaffSession.SubmitFormAsync(client, link.PathAndQuery, new Dictionary<string, string> { ["NewPassword"] = "Reset phrase of mine 5", ["ConfirmPassword"] = "Reset phrase of mine 5" });
        Assert.Contains("Your password was changed", await reset.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await before.GetAsync("/staff/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(app.CreateBrowserClient(), email, "Reset phrase of mine 5")).StatusCode);

        var again = await StaffSession.SubmitFormAsync(app.CreateBrowserClient(), link.PathAndQuery, new Dictionary<string, string> { ["NewPassword"] = "Second reset phrase 6", ["ConfirmPassword"] = "Second reset phrase 6" });
        Assert.Contains(ResetPasswordModel.ExpiredMessage, await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await StaffSession.SignInAsync(app.CreateBrowserClient(), email, "Second reset phrase 6")).StatusCode);

        var user = await StaffAccountKit.UserAsync(app, email);
        Assert.True(await StaffAccountKit.AuditedAsync(app, AccountAuditActions.PasswordResetRequested, user.Id));
        Assert.True(await StaffAccountKit.AuditedAsync(app, AccountAuditActions.PasswordReset, user.Id));
    }

    private static Dictionary<string, string> Fields(string current, string next) =>
        new() { ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = next };

    private static string MainText(string html) => StaffSession.Parse(html).QuerySelector("main")!.TextContent.Trim();

    [GeneratedRegex(@"https?://\S+/staff/reset-password\S+")]
    private static partial Regex ResetLink();
}

using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Accounts;

/// <summary>Authenticator apps (TOTP) and recovery codes for staff, and the setting that requires a second factor.</summary>
public sealed class TwoFactorSignInTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task An_enrolled_staff_member_signs_in_with_a_code_and_the_same_code_is_refused_the_second_time(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        var (key, _) = await StaffAccountKit.EnrolAuthenticatorAsync(await SignedInAsync(app, email));
        var user = await StaffAccountKit.UserAsync(app, email);
        Assert.True(user.TwoFactorEnabled);

        // The password alone no longer signs in: it leads to the code.
        var first = app.CreateBrowserClient();
        var password = await StaffSession.SignInAsync(first, email, RegistryAppFactory.TestPassword);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/staff/login/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await first.GetAsync("/staff/patients")).StatusCode);

        // The enrolment used the current step's code; the app's next code is accepted once.
        var code = StaffAccountKit.Code(key, user.LastTotpTimeStep!.Value + 1);
        var signedIn = await StaffSession.SubmitFormAsync(first, "/staff/login/two-factor", new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/staff/patients")).StatusCode);
        Assert.True(await StaffAccountKit.AuditedAsync(app, AccountAuditActions.TwoFactorLogin, user.Id));

        // Someone who saw that code cannot use it again (ASVS 2.8.4).
        var second = app.CreateBrowserClient();
        await StaffSession.SignInAsync(second, email, RegistryAppFactory.TestPassword);
        var replay = await StaffSession.SubmitFormAsync(second, "/staff/login/two-factor", new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("already used", StaffSession.Parse(await replay.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Code']")?.TextContent);
        Assert.NotEqual(HttpStatusCode.OK, (await second.GetAsync("/staff/patients")).StatusCode);
        Assert.True(await StaffAccountKit.AuditedAsync(app, AccountAuditActions.TwoFactorFailed, user.Id));
    }

    [Theory, EveryDatabase]
    public async Task A_recovery_code_signs_in_once(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        var (_, codes) = await StaffAccountKit.EnrolAuthenticatorAsync(await SignedInAsync(app, email));

        var first = app.CreateBrowserClient();
        await StaffSession.SignInAsync(first, email, RegistryAppFactory.TestPassword);
        var used = await StaffSession.SubmitFormAsync(first, "/staff/login/recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = codes[3] });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/staff/patients")).StatusCode);
        var user = await StaffAccountKit.UserAsync(app, email);
        Assert.True(await StaffAccountKit.AuditedAsync(app, AccountAuditActions.RecoveryCodeUsed, user.Id));

        var second = app.CreateBrowserClient();
        await StaffSession.SignInAsync(second, email, RegistryAppFactory.TestPassword);
        var again = await StaffSession.SubmitFormAsync(second, "/staff/login/recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = codes[3] });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already used", await again.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, (await second.GetAsync("/staff/patients")).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task With_a_second_factor_required_an_unenrolled_staff_member_reaches_only_enrolment_until_enrolled(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app, StaffRoles.Physician);
        using var strict = StaffAccountKit.RequiringTwoFactor(app);
        var client = StaffAccountKit.BrowserClient(strict);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword)).StatusCode);

        var patients = await client.GetAsync("/staff/patients");
        Assert.Equal(HttpStatusCode.Redirect, patients.StatusCode);
        Assert.Equal("/staff/account", patients.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/staff/patients/new", new FormUrlEncodedContent([]))).StatusCode);
        var page = await client.GetAsync("/staff/account");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("second way to prove who you are", await page.Content.ReadAsStringAsync());

        await StaffAccountKit.EnrolAuthenticatorAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/patients")).StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Without_the_setting_a_staff_member_without_a_second_factor_works_as_before(DatabaseProvider database)
    {
        var app = apps[database];
        var client = await SignedInAsync(app, await StaffAccountKit.NewStaffAsync(app));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/account")).StatusCode);
    }

    private static async Task<HttpClient> SignedInAsync(RegistryAppFactory app, string email)
    {
        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword)).StatusCode);
        return client;
    }
}

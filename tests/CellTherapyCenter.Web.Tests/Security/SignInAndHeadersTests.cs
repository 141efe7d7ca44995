using System.Net;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Security;

public sealed class SignInAndHeadersTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private RegistryAppFactory _app = null!;

    [Theory, EveryDatabase]
    public async Task Health_answers_200_once_ready(DatabaseProvider database)
    {
        _app = apps[database];
        var response = await _app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [EveryDatabase("/health")]
    [EveryDatabase("/staff/login")]
    [EveryDatabase("/staff/patients")]
    public async Task Every_response_carries_the_security_headers(DatabaseProvider database, string path)
    {
        _app = apps[database];
        var response = await _app.CreateBrowserClient().GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory, EveryDatabase]
    public async Task Anonymous_staff_page_redirects_to_sign_in(DatabaseProvider database)
    {
        _app = apps[database];
        var response = await _app.CreateBrowserClient().GetAsync("/staff/patients");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery);
    }

    [Theory, EveryDatabase]
    public async Task Sign_in_sets_a_secure_http_only_strict_cookie_and_is_audited(DatabaseProvider database)
    {
        _app = apps[database];
        var client = _app.CreateBrowserClient();
        var response = await StaffSession.SignInAsync(client, "admin@test.local", RegistryAppFactory.TestPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-ctc.staff=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Login && a.UserName == "admin@test.local")));
    }

    [Theory, EveryDatabase]
    public async Task Five_wrong_passwords_lock_the_account_and_each_is_audited(DatabaseProvider database)
    {
        _app = apps[database];
        const string email = "lockme@test.local";
        await _app.EnsureUserAsync(email, StaffRoles.Coordinator);
        var client = _app.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await StaffSession.SignInAsync(client, email, "not-the-password-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        // The right password no longer opens a locked account, which is told apart from a wrong password only in the audit.
        var locked = await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains(CellTherapyCenter.Web.Features.Accounts.LoginModel.FailedMessage, await locked.Content.ReadAsStringAsync());

        var actions = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserName == email).Select(a => a.Action).ToListAsync());
        Assert.Equal(5, actions.Count(a => a == AuditActions.LoginFailed));
        Assert.Equal(1, actions.Count(a => a == AuditActions.Lockout));
    }
}

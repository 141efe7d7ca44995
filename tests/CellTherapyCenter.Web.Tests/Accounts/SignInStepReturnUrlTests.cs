using System.Net;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.Accounts;

/// <summary>
/// The second sign-in steps (authenticator code, recovery code) and the passkey sign-in follow a
/// return address on this site and refuse any other, going to the staff home instead (ASVS 5.1.5).
/// </summary>
public sealed class SignInStepReturnUrlTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    /// <summary>Another site, in each form a browser would still follow, and addresses that are not addresses.</summary>
    private static readonly string[] Unsafe =
    [
        "https://evil.example/staff", "//evil.example/staff", "/\\evil.example/staff", "/\t/evil.example/staff",
        "/staff/patients\r\nSet-Cookie: x=1", "/staff\u001b", "javascript:alert(1)",
    ];

    private const string Safe = "/staff/patients?sort=name";
    private const string Home = "/staff";

    [Theory, EveryDatabase]
    public async Task The_authenticator_code_step_keeps_a_local_return_address_and_refuses_others(DatabaseProvider database)
    {
        var app = apps[database];
        foreach (var (returnUrl, expected) in Cases())
        {
            // A code works once, so each case has an account of its own.
            var email = await StaffAccountKit.NewStaffAsync(app);
            var enrolling = app.CreateBrowserClient();
            await StaffSession.SignInAsync(enrolling, email, RegistryAppFactory.TestPassword);
            var (key, _) = await StaffAccountKit.EnrolAuthenticatorAsync(enrolling);
            var step = (await StaffAccountKit.UserAsync(app, email)).LastTotpTimeStep!.Value + 1;

            var client = app.CreateBrowserClient();
            await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword);
            var answer = await StaffSession.SubmitFormAsync(client, "/staff/login/two-factor",
                new Dictionary<string, string> { ["Code"] = StaffAccountKit.Code(key, step), ["ReturnUrl"] = returnUrl });
            AssertGoesTo(answer, expected, returnUrl);
        }
    }

    [Theory, EveryDatabase]
    public async Task The_recovery_code_step_keeps_a_local_return_address_and_refuses_others(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        var enrolling = app.CreateBrowserClient();
        await StaffSession.SignInAsync(enrolling, email, RegistryAppFactory.TestPassword);
        var (_, codes) = await StaffAccountKit.EnrolAuthenticatorAsync(enrolling);
        var i = 0;
        foreach (var (returnUrl, expected) in Cases())
        {
            var client = app.CreateBrowserClient();
            await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword);
            var answer = await StaffSession.SubmitFormAsync(client, "/staff/login/recovery-code",
                new Dictionary<string, string> { ["RecoveryCode"] = codes[i++], ["ReturnUrl"] = returnUrl });
            AssertGoesTo(answer, expected, returnUrl);
        }
    }

    [Theory, EveryDatabase]
    public async Task The_passkey_sign_in_keeps_a_local_return_address_and_refuses_others(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        var owner = app.CreateBrowserClient();
        await StaffSession.SignInAsync(owner, email, RegistryAppFactory.TestPassword);
        using var passkey = new SoftPasskey();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccountKit.AddPasskeyAsync(owner, passkey)).StatusCode);
        foreach (var (returnUrl, expected) in Cases())
        {
            var client = app.CreateBrowserClient();
            var answer = await StaffAccountKit.SignInWithPasskeyAsync(client, passkey, returnUrl);
            AssertGoesTo(answer, expected, returnUrl);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/patients")).StatusCode);
        }
    }

    private static IEnumerable<(string ReturnUrl, string Expected)> Cases() =>
        Unsafe.Select(u => (u, Home)).Append((Safe, Safe));

    private static void AssertGoesTo(HttpResponseMessage answer, string expected, string returnUrl)
    {
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"{Escape(returnUrl)}: answered {(int)answer.StatusCode}");
        Assert.True(answer.Headers.Location!.OriginalString == expected,
            $"{Escape(returnUrl)}: went to {Escape(answer.Headers.Location.OriginalString)}, not {expected}");
    }

    private static string Escape(string s) => string.Concat(s.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}

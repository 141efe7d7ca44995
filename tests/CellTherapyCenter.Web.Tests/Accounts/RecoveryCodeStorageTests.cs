using System.Net;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Accounts;

/// <summary>Recovery codes are kept as salted hashes (ASVS 2.6.2), work once each, and codes an earlier version kept in clear still work once.</summary>
public sealed class RecoveryCodeStorageTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task The_stored_codes_hold_no_code_each_code_works_once_and_a_wrong_one_fails(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        var (_, codes) = await StaffAccountKit.EnrolAuthenticatorAsync(await SignedInAsync(app, email));
        var user = await StaffAccountKit.UserAsync(app, email);

        var stored = await StoredAsync(app, user.Id);
        Assert.StartsWith("sha256:", stored, StringComparison.Ordinal);
        Assert.Equal(10, stored["sha256:".Length..].Split(';').Length);
        AssertHoldsNone(stored, codes);

        // A well-formed code that was never issued fails.
        Assert.False(await RedeemAsync(app, email, "BCDFG-HJKMN"));
        Assert.True(await RedeemAsync(app, email, codes[0]));
        Assert.False(await RedeemAsync(app, email, codes[0]));
        Assert.True(await RedeemAsync(app, email, codes[9]));
        AssertHoldsNone(await StoredAsync(app, user.Id), codes);
        Assert.Equal(8, (await StoredAsync(app, user.Id))["sha256:".Length..].Split(';').Length);
    }

    [Theory, EveryDatabase]
    public async Task Codes_an_earlier_version_stored_in_clear_are_hashed_at_start_and_still_work_once(DatabaseProvider database)
    {
        var app = apps[database];
        var email = await StaffAccountKit.NewStaffAsync(app);
        await StaffAccountKit.EnrolAuthenticatorAsync(await SignedInAsync(app, email));
        var user = await StaffAccountKit.UserAsync(app, email);
        // As Identity's own store kept them: the codes joined with ";" in clear.
        string[] clear = ["BCDFG-HJKMN", "PQRTV-WXY23", "45678-9BCDF", "GHJKM-NPQRT"];
        await SetStoredAsync(app, user.Id, string.Join(';', clear));

        // Met before the start-up pass (another instance still running the earlier version): redeemed once.
        Assert.True(await RedeemAsync(app, email, clear[0]));
        Assert.False(await RedeemAsync(app, email, clear[0]));
        var afterRedeem = await StoredAsync(app, user.Id);
        Assert.StartsWith("sha256:", afterRedeem, StringComparison.Ordinal);
        AssertHoldsNone(afterRedeem, clear);

        // The start-up pass hashes what is left in clear, and those codes keep working once.
        await SetStoredAsync(app, user.Id, string.Join(';', clear[1..]));
        Assert.True(await app.WithDbAsync(db => StaffUserStore.HashClearRecoveryCodesAsync(db, CancellationToken.None)) >= 1);
        var afterStart = await StoredAsync(app, user.Id);
        AssertHoldsNone(afterStart, clear);
        Assert.Equal(3, afterStart["sha256:".Length..].Split(';').Length);
        Assert.True(await RedeemAsync(app, email, clear[2]));
        Assert.False(await RedeemAsync(app, email, clear[2]));
        Assert.False(await RedeemAsync(app, email, clear[0]));
    }

    [Theory, EveryDatabase]
    public async Task The_app_uses_the_hashing_store(DatabaseProvider database)
    {
        using var scope = apps[database].Services.CreateScope();
        Assert.IsType<StaffUserStore>(scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserStore<StaffUser>>());
    }

    private static void AssertHoldsNone(string stored, IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            Assert.DoesNotContain(code, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Signs in with the password and then the recovery code, as a person would; true when it opened the registry.</summary>
    private static async Task<bool> RedeemAsync(RegistryAppFactory app, string email, string code)
    {
        var client = app.CreateBrowserClient();
        await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword);
        var answer = await StaffSession.SubmitFormAsync(client, "/staff/login/recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = code });
        return answer.StatusCode == HttpStatusCode.Redirect && (await client.GetAsync("/staff/patients")).StatusCode == HttpStatusCode.OK;
    }

    private static Task<string> StoredAsync(RegistryAppFactory app, string userId) => app.WithDbAsync(db => db.UserTokens
        .Where(t => t.UserId == userId && t.LoginProvider == StaffUserStore.RecoveryCodesProvider && t.Name == StaffUserStore.RecoveryCodesName)
        .Select(t => t.Value!).SingleAsync());

    private static Task<int> SetStoredAsync(RegistryAppFactory app, string userId, string value) => app.WithDbAsync(db => db.UserTokens
        .Where(t => t.UserId == userId && t.LoginProvider == StaffUserStore.RecoveryCodesProvider && t.Name == StaffUserStore.RecoveryCodesName)
        .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value)));

    private static async Task<HttpClient> SignedInAsync(RegistryAppFactory app, string email)
    {
        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword)).StatusCode);
        return client;
    }
}

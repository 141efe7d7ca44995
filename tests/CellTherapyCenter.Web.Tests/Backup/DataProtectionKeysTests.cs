using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Backup;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Backup;

/// <summary>
/// The data protection keys kept in the registry (<c>DataProtection:KeysPath</c> unset, as in
/// production; the other test apps use a folder): a key written by one app instance is read by a new
/// instance on the same database, so a sign-in cookie and a protected payload made by the first are
/// accepted by the second; and the stored XML holds no clear master key, only AES-GCM under
/// <c>DataProtection:KeyFile</c>, which an instance with another key file cannot use.
/// </summary>
public sealed class DataProtectionKeysTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task Keys_written_by_one_instance_are_read_by_a_new_one_and_stored_encrypted(DatabaseProvider database)
    {
        var app = apps[database];
        const string email = "keys@test.local";
        await app.EnsureUserAsync(email, StaffRoles.Coordinator);
        Assert.False(await app.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));

        string payload, cookie;
        using (var first = InTheRegistry(app))
        {
            payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("made by the first instance");
            var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
            var signedIn = await StaffSession.SignInAsync(client, email, RegistryAppFactory.TestPassword);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            cookie = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-ctc.staff=", StringComparison.Ordinal));
        }

        // Stored in the registry, encrypted: no master key in clear, and the key file opens it.
        var stored = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(stored);
        using (var second = InTheRegistry(app))
        {
            foreach (var xml in stored)
            {
                Assert.DoesNotContain("masterKey", xml, StringComparison.OrdinalIgnoreCase);
                var sealedKey = XElement.Parse(xml).Descendants().Single(e => e.Name.LocalName == "encryptedKey");
                var opened = new KeyFileXmlDecryptor(second.Services).Decrypt(sealedKey);
                Assert.Equal("masterKey", opened.Name.LocalName);
                Assert.DoesNotContain((string)opened.Element(opened.Name.Namespace + "value")!, xml, StringComparison.Ordinal);
            }

            // A new instance on the same database reads the first one's key.
            Assert.Equal("made by the first instance",
                second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
            using var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/patients");
            request.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        // An instance with another key file cannot open the stored keys.
        var otherKey = Path.Combine(Path.GetTempPath(), $"ctc-other-{Guid.NewGuid():N}.key");
        try
        {
            using var stranger = InTheRegistry(app, otherKey);
            Assert.ThrowsAny<CryptographicException>(() =>
                stranger.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
        }
        finally
        {
            File.Delete(otherKey);
        }
    }

    /// <summary>A new instance of the app on the same database, keeping its data protection keys in the registry.</summary>
    private static WebApplicationFactory<Program> InTheRegistry(RegistryAppFactory app, string? keyFile = null) =>
        app.WithWebHostBuilder(b =>
        {
            b.UseSetting("DataProtection:KeysPath", "");
            if (keyFile is not null) b.UseSetting("DataProtection:KeyFile", keyFile);
        });
}

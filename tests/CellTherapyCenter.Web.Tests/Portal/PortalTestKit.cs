using System.Net;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Portal;

/// <summary>Arranges portal accounts through the app's own invitation service and signs clients in as them.</summary>
public static class PortalTestKit
{
    /// <summary>A patient with an accepted portal account (password <see cref="RegistryAppFactory.TestPassword"/>).</summary>
    public static async Task<(Guid PatientId, Guid AccountId, string Email)> PatientWithAccountAsync(RegistryAppFactory app,
        PortalRole role = PortalRole.Patient, Guid? patientId = null, string? email = null)
    {
        email ??= $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.RegistryDbContext>();
        if (patientId is null)
        {
            var patient = Arrange.Patient();
            patient.Email = role == PortalRole.Patient ? email : null;
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            patientId = patient.Id;
        }
        var invitations = scope.ServiceProvider.GetRequiredService<PortalInvitations>();
        var account = await invitations.InviteAsync(patientId.Value, role, role == PortalRole.Patient ? "Vera" : "Marko", email, "en", "test", default);
        await db.SaveChangesAsync();
        var accepted = await invitations.AcceptAsync(account, RegistryAppFactory.TestPassword, default);
        if (!accepted.Succeeded) throw new InvalidOperationException(string.Join("; ", accepted.Errors.Select(e => e.Description)));
        return (patientId.Value, account.Id, email);
    }

    public static async Task<HttpClient> SignedInAsync(RegistryAppFactory app, string email)
    {
        var client = app.CreateBrowserClient();
        var response = await StaffSession.SubmitFormAsync(client, "/portal/sign-in",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = RegistryAppFactory.TestPassword });
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/portal")
            throw new InvalidOperationException($"Portal sign-in failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>POSTs a page handler with the antiforgery token taken from <paramref name="tokenPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string tokenPage, string url, IDictionary<string, string>? fields = null)
    {
        var token = await StaffSession.AntiforgeryTokenAsync(client, tokenPage);
        var body = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }
}

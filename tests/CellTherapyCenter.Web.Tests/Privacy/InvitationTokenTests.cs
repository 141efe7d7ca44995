using System.Text.RegularExpressions;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Web.Features.Portal;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Tests.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Privacy;

/// <summary>
/// A portal invitation's token is never in the database in clear: the account holds its SHA-256,
/// the queued email's body is encrypted (the dispatcher decrypts it to send), and the body is
/// emptied once sent. The invitee still receives a working link.
/// </summary>
public sealed partial class InvitationTokenTests(RegistryApps apps) : EmailTests(apps)
{
    [GeneratedRegex("token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex TokenIn();

    [Theory, EveryDatabase]
    public async Task The_invitation_token_is_not_in_the_database_before_or_after_sending(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var email = $"invitee-{Guid.NewGuid():N}@example.org";
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var patient = Arrange.Patient(PrivacyArrange.UniqueName("Invited"));
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<PortalInvitations>().InviteAsync(patient.Id, PortalRole.Patient, "Ana", email, "en", "test", default);
            await db.SaveChangesAsync();
        }
        var queued = await App.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(m => m.ToAddress == email));
        Assert.DoesNotContain("token=", queued.TextBody);
        Assert.True(OutboxPrivacy.IsProtected(queued.TextBody));
        var token = TokenIn().Match(OutboxPrivacy.Reveal(App.Services, queued.TextBody)).Groups["token"].Value;
        Assert.NotEmpty(token);
        Assert.Empty(await PrivacyArrange.FindEverywhereAsync(App, token));
        Assert.Equal(PortalInvitations.Hash(token),
            await App.WithDbAsync(db => db.PortalAccounts.Where(a => a.Email == email).Select(a => a.InvitationTokenHash).SingleAsync()));

        Kit.Clock.Advance(TimeSpan.FromMinutes(1)); // the kit's clock started before the invitation was queued
        Assert.Equal(1, (await Kit.Dispatcher().ProcessDueAsync(default)).Sent);

        // The person gets the link in clear; the database keeps no body at all.
        var received = Assert.Single(Kit.Sink.Received);
        Assert.Equal(token, TokenIn().Match(received.Message.TextBody ?? "").Groups["token"].Value);
        var sent = await App.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(m => m.Id == queued.Id));
        Assert.NotNull(sent.SentAt);
        Assert.Equal("", sent.TextBody);
        Assert.Empty(await PrivacyArrange.FindEverywhereAsync(App, token));
    }
}

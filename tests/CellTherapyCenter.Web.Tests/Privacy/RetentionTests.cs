using System.Net;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Email;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Web.Features.Privacy;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Privacy;

/// <summary>
/// The retention pass deletes requests that never became patients once Privacy:InquiryRetentionMonths
/// (24) have passed since their last change, with documents and notes, keeps recent and registered
/// ones, and empties emails sent or given up more than Privacy:OutboxRetentionDays (30) ago; staff
/// delete a request on its sender's demand after a confirmation. Deletions are audited without content.
/// </summary>
public sealed class RetentionTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task The_pass_deletes_old_requests_with_their_documents_and_keeps_recent_and_registered_ones(DatabaseProvider database)
    {
        var app = apps[database];
        var now = DateTime.UtcNow;
        var old = await InquiryAsync(app, now.AddMonths(-25));
        var oldButTouched = await InquiryAsync(app, now.AddMonths(-30), updatedAt: now.AddMonths(-3));
        var recent = await InquiryAsync(app, now.AddMonths(-23));
        var patientId = await Arrange.PatientWithHistoryAsync(app, PrivacyArrange.UniqueName("Registered"));
        var registered = await InquiryAsync(app, now.AddMonths(-40), patientId);

        var result = await app.Services.GetRequiredService<RetentionPass>().RunPassAsync(default);

        Assert.True(result.InquiriesDeleted >= 1);
        Assert.False(await app.WithDbAsync(db => db.Inquiries.AnyAsync(i => i.Id == old.Id)));
        Assert.False(await app.WithDbAsync(db => db.InquiryDocuments.AnyAsync(d => d.InquiryId == old.Id)));
        Assert.False(await app.WithDbAsync(db => db.InquiryNotes.AnyAsync(d => d.InquiryId == old.Id)));
        foreach (var kept in new[] { oldButTouched, recent, registered })
        {
            Assert.True(await app.WithDbAsync(db => db.Inquiries.AnyAsync(i => i.Id == kept.Id)));
            Assert.True(await app.WithDbAsync(db => db.InquiryDocuments.AnyAsync(d => d.InquiryId == kept.Id)));
        }
        var line = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.Delete && a.EntityId == old.Id.ToString()));
        Assert.Equal(("system", nameof(Inquiry)), (line.UserName, line.EntityType));
        Assert.Contains(InquiryDeletion.Retention, line.Detail);
        Assert.DoesNotContain(old.Name, line.Detail + line.Changes);
        Assert.DoesNotContain(old.Reference, line.Detail + line.Changes);
    }

    [Theory, EveryDatabase]
    public async Task The_pass_empties_old_email_and_leaves_recent_and_queued_email(DatabaseProvider database)
    {
        var app = apps[database];
        var now = DateTime.UtcNow;
        var oldSent = await EmailAsync(app, sentAt: now.AddDays(-31));
        var oldFailed = await EmailAsync(app, failedAt: now.AddDays(-40));
        var recentSent = await EmailAsync(app, sentAt: now.AddDays(-29));
        var queued = await EmailAsync(app, createdAt: now.AddDays(-60));

        await app.Services.GetRequiredService<RetentionPass>().RunPassAsync(default);

        foreach (var cleared in new[] { oldSent, oldFailed })
        {
            var row = await app.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == cleared));
            Assert.Equal(("", null, "", "", null), (row.ToAddress, row.ToName, row.Subject, row.TextBody, row.HtmlBody));
            Assert.Equal("privacy-test", row.Kind); // the record that a message went out stays
        }
        foreach (var kept in new[] { recentSent, queued })
        {
            var row = await app.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == kept));
            Assert.Equal(("ana.petrovic@example.org", "Your appointment, Ana Petrović"), (row.ToAddress, row.Subject));
        }
    }

    [Theory, EveryDatabase]
    public async Task Staff_delete_a_request_on_demand_after_confirming_and_not_a_registered_one(DatabaseProvider database)
    {
        var app = apps[database];
        var inquiry = await InquiryAsync(app, DateTime.UtcNow.AddDays(-3));
        var client = await app.SignedInClientAsync(StaffRoles.Coordinator);
        var url = $"/staff/inquiries/{inquiry.Id}/delete";
        Assert.Contains(url, await client.GetStringAsync($"/staff/inquiries/{inquiry.Id}"));
        // The confirmation page names it and changes nothing.
        Assert.Contains($"Delete request {inquiry.Reference}?", await client.GetStringAsync(url));
        Assert.True(await app.WithDbAsync(db => db.Inquiries.AnyAsync(i => i.Id == inquiry.Id)));

        var deleted = await StaffSession.SubmitFormAsync(client, url, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Inquiries.AnyAsync(i => i.Id == inquiry.Id)));
        Assert.False(await app.WithDbAsync(db => db.InquiryDocuments.AnyAsync(d => d.InquiryId == inquiry.Id)));
        var line = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.Delete && a.EntityId == inquiry.Id.ToString()));
        Assert.Equal("coordinator@test.local", line.UserName);
        Assert.Contains(InquiryDeletion.OnRequest, line.Detail);
        Assert.DoesNotContain(inquiry.Name, line.Detail + line.Changes);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);

        // A request that became a patient is part of the record: refused here.
        var patientId = await Arrange.PatientWithHistoryAsync(app, PrivacyArrange.UniqueName("Kept"));
        var registered = await InquiryAsync(app, DateTime.UtcNow.AddDays(-3), patientId);
        Assert.Contains("cannot be deleted here", await client.GetStringAsync($"/staff/inquiries/{registered.Id}/delete"));
        var refused = await Portal.PortalTestKit.PostAsync(client, $"/staff/inquiries/{registered.Id}", $"/staff/inquiries/{registered.Id}/delete");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Inquiries.AnyAsync(i => i.Id == registered.Id)));
    }

    private static Task<Inquiry> InquiryAsync(RegistryAppFactory app, DateTime submittedAt, Guid? patientId = null, DateTime? updatedAt = null) =>
        app.WithDbAsync(async db =>
        {
            var inquiry = new Inquiry
            {
                Reference = "RQ-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), SubmittedAt = submittedAt, UpdatedAt = updatedAt,
                RequesterRole = RequesterRole.Relative, Name = PrivacyArrange.UniqueName("Sender"), Email = "sender@example.org", Country = "RS",
                PreferredLanguage = "sr", Message = "About my mother", ConsentWording = "I agree.", ConsentGivenAt = submittedAt, PatientId = patientId,
                Documents = [new InquiryDocument { FileName = "letter.pdf", ContentType = "application/pdf", SizeBytes = 5, Sha256 = "00", Content = "%PDF-"u8.ToArray() }],
                Notes = [new InquiryNote { At = submittedAt, Author = "coordinator@test.local", Text = "Called back" }],
            };
            db.Inquiries.Add(inquiry);
            await db.SaveChangesAsync();
            return inquiry;
        });

    private static Task<Guid> EmailAsync(RegistryAppFactory app, DateTime? sentAt = null, DateTime? failedAt = null, DateTime? createdAt = null) =>
        app.WithDbAsync(async db =>
        {
            var at = createdAt ?? sentAt ?? failedAt ?? DateTime.UtcNow;
            var email = new OutboundEmail
            {
                Kind = "privacy-test", ToAddress = "ana.petrovic@example.org", ToName = "Ana Petrović", Subject = "Your appointment, Ana Petrović",
                TextBody = "Dear Ana", HtmlBody = "<p>Dear Ana</p>", CreatedAt = at, NextAttemptAt = at.AddYears(10), SentAt = sentAt, FailedAt = failedAt,
            };
            db.OutboundEmails.Add(email);
            await db.SaveChangesAsync();
            return email.Id;
        });
}

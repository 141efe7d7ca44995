using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Email;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Email;

/// <summary>Enqueueing in the caller's unit of work, and the hosted dispatcher end to end.</summary>
public sealed class EmailOutboxTests(RegistryApps apps) : EmailTests(apps)
{
    [Theory, EveryDatabase]
    public async Task The_email_commits_with_the_record_that_caused_it_or_not_at_all(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var patient = Arrange.Patient("Outboxova");
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            db.Patients.Add(patient);
            var email = scope.ServiceProvider.GetRequiredService<EmailOutbox>()
                .Enqueue("registration", "vera@example.org", null, "Registered", "Welcome.");
            Assert.Equal(0, await App.WithDbAsync(d => d.OutboundEmails.CountAsync()));
            await db.SaveChangesAsync();
            Assert.True(await App.WithDbAsync(d => d.OutboundEmails.AnyAsync(e => e.Id == email.Id)));
        }

        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var duplicate = Arrange.Patient("Outboxova");
            duplicate.Pseudonym = patient.Pseudonym; // unique: the database refuses the save
            db.Patients.Add(duplicate);
            scope.ServiceProvider.GetRequiredService<EmailOutbox>()
                .Enqueue("registration", "vera@example.org", null, "Registered twice", "Welcome again.");
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(1, await App.WithDbAsync(d => d.OutboundEmails.CountAsync()));
        Assert.Equal(1, await App.WithDbAsync(d => d.Patients.CountAsync(p => p.FamilyName == "Outboxova")));
    }

    [Theory, EveryDatabase]
    public async Task Messages_written_in_bulk_read_back_as_enqueued_ones_and_commit_only_with_the_callers_transaction(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var (enqueued, written) = await App.WithDbAsync(async db =>
        {
            var outbox = new EmailOutbox(db, Kit.Clock, new EmailSignal());
            var one = outbox.Enqueue("test-message", "ana@example.org", "Ana Petrović", "Subject", "Poštovana,\nbody", "<p>Body</p>");
            await db.SaveChangesAsync();
            OutboundEmail[] batch =
            [
                outbox.Compose("test-message", "vera@example.org", "Ana Petrović", "Subject", "Poštovana,\nbody", "<p>Body</p>"),
                outbox.Compose("test-message", "zoran@example.org", null, "Other subject", "Body"),
            ];
            await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.WriteAsync(batch, default));
            await using (await db.Database.BeginTransactionAsync())
                await outbox.WriteAsync(batch, default); // never committed
            Assert.Equal(1, await db.OutboundEmails.CountAsync());
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await outbox.WriteAsync(batch, default);
                await transaction.CommitAsync();
            }
            Assert.DoesNotContain(db.ChangeTracker.Entries<OutboundEmail>(), e => e.Entity != one);
            return (one.Id, batch.Select(e => e.Id).ToArray());
        });

        // The same values as the change tracker's insert, keys and times included (found by id, sent by the dispatcher).
        var reference = await Kit.RowAsync(enqueued);
        var first = await Kit.RowAsync(written[0]);
        Assert.Equal(written[0], first.Id);
        Assert.Equal((reference.ToName, reference.Subject, reference.TextBody, reference.HtmlBody, reference.Kind, reference.CreatedAt, reference.NextAttemptAt, reference.Attempts),
            (first.ToName, first.Subject, first.TextBody, first.HtmlBody, first.Kind, first.CreatedAt, first.NextAttemptAt, first.Attempts));
        Assert.Equal((reference.CreatedAt.Kind, reference.LockedUntil, reference.SentAt, reference.FailedAt, reference.LastError),
            (first.CreatedAt.Kind, first.LockedUntil, first.SentAt, first.FailedAt, first.LastError));
        var second = await Kit.RowAsync(written[1]);
        Assert.Equal(("zoran@example.org", null, null), (second.ToAddress, second.ToName, second.HtmlBody));
        Assert.Equal(3, (await Kit.Dispatcher().ProcessDueAsync(default)).Sent);
        Assert.Equal(["ana@example.org", "vera@example.org", "zoran@example.org"], Kit.Sink.Received.SelectMany(r => r.Recipients).Order());
    }

    [Theory]
    [EveryDatabase("not an address", "Subject")]
    [EveryDatabase("Ana <ana@example.org>", "Subject")]
    [EveryDatabase("ana@example.org, eve@example.org", "Subject")]
    [EveryDatabase("ana@example.org", "Subject\r\nBcc: eve@example.org")]
    [EveryDatabase("ana@example.org", " ")]
    public async Task Enqueue_refuses_anything_but_one_address_and_a_one_line_subject(DatabaseProvider database, string to, string subject)
    {
        await UseDatabaseAsync(database);
        await App.WithDbAsync(db =>
        {
            var outbox = new EmailOutbox(db, Kit.Clock, new EmailSignal());
            Assert.Throws<ArgumentException>(() => outbox.Enqueue("test-message", to, null, subject, "Body"));
            Assert.Empty(db.ChangeTracker.Entries<OutboundEmail>());
            return Task.FromResult(0);
        });
    }

    [Theory, EveryDatabase]
    public async Task The_hosted_dispatcher_sends_a_committed_message_without_waiting_for_its_poll(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        await using var mailApp = App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Email:Enabled", "true");
            b.UseSetting("Email:From:Address", EmailTestKit.From);
            b.UseSetting("Email:Smtp:Host", "127.0.0.1");
            b.UseSetting("Email:Smtp:Port", Kit.Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Email:Smtp:Security", "None");
            b.UseSetting("Email:PollSeconds", "600");
        });
        _ = mailApp.Server;

        Guid id;
        using (var scope = mailApp.Services.CreateScope())
        {
            id = scope.ServiceProvider.GetRequiredService<EmailOutbox>()
                .Enqueue("inquiry-confirmation", "ana.petrovic@example.org", "Ana Petrović", "Your inquiry has been received", "Thank you.").Id;
            await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().SaveChangesAsync();
        }

        var received = await Kit.Sink.NextAsync(Eventually.Bound);
        Assert.Equal("Your inquiry has been received", received.Message.Subject);
        Assert.Equal($"{id:N}@clinic.test", received.Message.MessageId);
        // The row is marked right after the server's acknowledgement.
        Assert.True(await Eventually.HoldsAsync(async () => (await Kit.RowAsync(id)).SentAt is not null), "The sent message's row was never marked sent.");
    }
}

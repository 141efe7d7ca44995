using CellTherapyCenter.Web.Data;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Email;

/// <summary>Enqueueing in the caller's unit of work, and the hosted dispatcher end to end.</summary>
public abstract class EmailOutboxTests<TApp>(TApp app) : EmailTests<TApp>(app) where TApp : RegistryAppFactory
{
    [Fact]
    public async Task The_email_commits_with_the_record_that_caused_it_or_not_at_all()
    {
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

    [Theory]
    [InlineData("not an address", "Subject")]
    [InlineData("Ana <ana@example.org>", "Subject")]
    [InlineData("ana@example.org, eve@example.org", "Subject")]
    [InlineData("ana@example.org", "Subject\r\nBcc: eve@example.org")]
    [InlineData("ana@example.org", " ")]
    public async Task Enqueue_refuses_anything_but_one_address_and_a_one_line_subject(string to, string subject)
    {
        await App.WithDbAsync(db =>
        {
            var outbox = new EmailOutbox(db, Kit.Clock, new EmailSignal());
            Assert.Throws<ArgumentException>(() => outbox.Enqueue("test-message", to, null, subject, "Body"));
            Assert.Empty(db.ChangeTracker.Entries<OutboundEmail>());
            return Task.FromResult(0);
        });
    }

    [Fact]
    public async Task The_hosted_dispatcher_sends_a_committed_message_without_waiting_for_its_poll()
    {
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

        var received = await Kit.Sink.NextAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Your inquiry has been received", received.Message.Subject);
        Assert.Equal($"{id:N}@clinic.test", received.Message.MessageId);
        // The row is marked right after the server's acknowledgement.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Kit.RowAsync(id)).SentAt is null && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.NotNull((await Kit.RowAsync(id)).SentAt);
    }
}

public sealed class EmailOutboxTests_Sqlite(SqliteApp app) : EmailOutboxTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class EmailOutboxTests_PostgreSql(PostgreSqlApp app) : EmailOutboxTests<PostgreSqlApp>(app), IClassFixture<PostgreSqlApp>;

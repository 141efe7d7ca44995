using CellTherapyCenter.Data.Email;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CellTherapyCenter.Web.Tests.Email;

/// <summary>
/// Base of the email test classes, run on every database: each test starts with
/// <see cref="UseDatabaseAsync"/>, which gives it a fresh kit and an empty outbox on that database.
/// </summary>
public abstract class EmailTests(RegistryApps apps) : KitTests<EmailTestKit>(apps)
{
    protected override EmailTestKit CreateKit(RegistryAppFactory app) => new(app);

    protected override Task PrepareAsync(EmailTestKit kit) => kit.EmptyOutboxAsync();
}

/// <summary>
/// What an email test needs: an SMTP sink on loopback, a manual clock, dispatchers that send to
/// the sink on that clock, and the app's database with an empty outbox (tests in one class share it).
/// </summary>
public sealed class EmailTestKit(RegistryAppFactory app) : IAsyncDisposable
{
    public const string From = "clinic@clinic.test";

    public SmtpSink Sink { get; } = SmtpSink.Start();
    public FakeTimeProvider Clock { get; } = FakeClocks.AtRealNow();
    public ListLogger<EmailDispatcher> Log { get; } = new();

    public async Task EmptyOutboxAsync()
    {
        _ = app.Server;
        await app.WithDbAsync(db => db.OutboundEmails.ExecuteDeleteAsync());
    }

    public EmailOptions Options(Action<EmailOptions>? change = null)
    {
        var options = new EmailOptions
        {
            Enabled = true,
            From = { Address = From, DisplayName = "Cell Therapy Center" },
            Smtp = { Host = "127.0.0.1", Port = Sink.Port, Security = SmtpSecurity.None, TimeoutSeconds = 10 },
        };
        change?.Invoke(options);
        return options;
    }

    /// <summary>A fresh dispatcher, as another app instance or the app after a restart would have.</summary>
    public EmailDispatcher Dispatcher(EmailOptions? options = null) => new(
        app.Services.GetRequiredService<IServiceScopeFactory>(),
        Microsoft.Extensions.Options.Options.Create(options ?? Options()),
        Clock, new EmailSignal(), Log);

    public Task<Guid> EnqueueAsync(string to = "ana.petrovic@example.org", string subject = "Your inquiry has been received",
        string kind = "test-message") => app.WithDbAsync(async db =>
    {
        var email = new EmailOutbox(db, Clock, new EmailSignal())
            .Enqueue(kind, to, "Ana Petrović", subject, "Poštovana gospođo Petrović,\n\nwe have your inquiry.", "<p>We have your inquiry.</p>");
        await db.SaveChangesAsync();
        return email.Id;
    });

    public Task<OutboundEmail> RowAsync(Guid id) =>
        app.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id));

    /// <summary>Sets a lease on a message as a dispatcher that claimed it (and may have died) would have.</summary>
    public Task LeaseAsync(Guid id, TimeSpan lease) => app.WithDbAsync(db => db.OutboundEmails.Where(e => e.Id == id)
        .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, Clock.GetUtcNow().UtcDateTime + lease).SetProperty(e => e.Attempts, 1)));

    /// <summary>The log never holds an address, subject or body: only ids and kinds.</summary>
    public void AssertLogHasNoPersonalData()
    {
        Assert.NotEmpty(Log.Lines);
        foreach (var line in Log.Lines)
        {
            Assert.DoesNotContain("@example.org", line);
            Assert.DoesNotContain("Petrovi", line);
            Assert.DoesNotContain("Your inquiry", line);
            Assert.DoesNotContain("Poštovana", line);
        }
    }

    public ValueTask DisposeAsync() => Sink.DisposeAsync();
}

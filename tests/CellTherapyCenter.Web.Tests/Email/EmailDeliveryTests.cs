using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;

namespace CellTherapyCenter.Web.Tests.Email;

/// <summary>The dispatcher against a real SMTP server on loopback, one pass at a time on a manual clock.</summary>
public sealed class EmailDeliveryTests(RegistryApps apps) : EmailTests(apps)
{
    [Theory, EveryDatabase]
    public async Task A_queued_message_is_delivered_over_smtp_and_marked_sent_once(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var id = await Kit.EnqueueAsync(kind: "inquiry-confirmation");

        var pass = await Kit.Dispatcher().ProcessDueAsync(default);

        Assert.Equal(1, pass.Sent);
        var received = Assert.Single(Kit.Sink.Received);
        Assert.Equal(EmailTestKit.From, received.MailFrom);
        Assert.Equal(["ana.petrovic@example.org"], received.Recipients);
        var to = Assert.Single(received.Message.To.Mailboxes);
        Assert.Equal(("ana.petrovic@example.org", "Ana Petrović"), (to.Address, to.Name));
        Assert.Equal("Your inquiry has been received", received.Message.Subject);
        Assert.Contains("Poštovana gospođo Petrović,", received.Message.TextBody);
        Assert.Contains("<p>We have your inquiry.</p>", received.Message.HtmlBody);
        Assert.Equal($"{id:N}@clinic.test", received.Message.MessageId);
        Assert.Equal("auto-generated", received.Message.Headers["Auto-Submitted"]);

        var row = await Kit.RowAsync(id);
        Assert.Equal(Kit.Clock.GetUtcNow().UtcDateTime, row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LockedUntil);
        Assert.Null(row.LastError);

        Assert.Equal(0, (await Kit.Dispatcher().ProcessDueAsync(default)).Sent);
        Assert.Single(Kit.Sink.Received);
        Assert.Contains(Kit.Log.Lines, l => l.Contains(id.ToString()) && l.Contains("inquiry-confirmation"));
        Kit.AssertLogHasNoPersonalData();
    }

    [Theory, EveryDatabase]
    public async Task A_server_that_is_down_is_retried_after_the_backoff_and_the_message_then_delivered(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        Kit.Sink.Stop();
        var id = await Kit.EnqueueAsync();
        var dispatcher = Kit.Dispatcher();

        Assert.Equal(1, (await dispatcher.ProcessDueAsync(default)).Failed);
        var row = await Kit.RowAsync(id);
        Assert.Equal((1, Kit.Clock.GetUtcNow().UtcDateTime.AddSeconds(30)), (row.Attempts, row.NextAttemptAt));
        Assert.Equal("SocketException ConnectionRefused", row.LastError);
        Assert.Null(row.SentAt);
        Assert.Null(row.FailedAt);
        Assert.Null(row.LockedUntil);

        Kit.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(default, await dispatcher.ProcessDueAsync(default));
        Assert.Equal(1, (await Kit.RowAsync(id)).Attempts);

        Kit.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await dispatcher.ProcessDueAsync(default)).Failed);
        row = await Kit.RowAsync(id);
        Assert.Equal((2, Kit.Clock.GetUtcNow().UtcDateTime.AddMinutes(2)), (row.Attempts, row.NextAttemptAt));

        Kit.Sink.Restart();
        Kit.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(default, await dispatcher.ProcessDueAsync(default));
        Assert.Empty(Kit.Sink.Received);

        Kit.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await dispatcher.ProcessDueAsync(default)).Sent);
        Assert.Equal("Your inquiry has been received", Assert.Single(Kit.Sink.Received).Message.Subject);
        row = await Kit.RowAsync(id);
        Assert.Equal(3, row.Attempts);
        Assert.NotNull(row.SentAt);
        Kit.AssertLogHasNoPersonalData();
    }

    [Theory, EveryDatabase]
    public async Task A_refusing_server_ends_the_pass_and_the_queue_goes_out_once_it_accepts_again(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        Kit.Sink.Refusing = true;
        var first = await Kit.EnqueueAsync();
        Kit.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await Kit.EnqueueAsync(subject: "Second");

        Assert.Equal(new DispatchPass(0, 1, false), await Kit.Dispatcher().ProcessDueAsync(default));
        Assert.Equal("SmtpCommandException 421 UnexpectedStatusCode", (await Kit.RowAsync(first)).LastError);
        Assert.Equal(0, (await Kit.RowAsync(second)).Attempts);

        Kit.Sink.Refusing = false;
        Kit.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, (await Kit.Dispatcher().ProcessDueAsync(default)).Sent);
        Assert.Equal(2, Kit.Sink.Received.Count);
    }

    [Theory, EveryDatabase]
    public async Task After_the_last_allowed_attempt_the_message_is_left_marked_failed(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        Kit.Sink.Stop();
        var id = await Kit.EnqueueAsync();
        var dispatcher = Kit.Dispatcher(Kit.Options(o => o.MaxAttempts = 3));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, (await dispatcher.ProcessDueAsync(default)).Failed);
            Kit.Clock.Advance(TimeSpan.FromDays(1));
        }
        var row = await Kit.RowAsync(id);
        Assert.Equal(3, row.Attempts);
        Assert.NotNull(row.FailedAt);

        Kit.Sink.Restart();
        Assert.Equal(default, await dispatcher.ProcessDueAsync(default));
        Assert.Empty(Kit.Sink.Received);
        Assert.Contains(Kit.Log.Lines, l => l.Contains(id.ToString()) && l.Contains("given up"));
    }

    [Theory, EveryDatabase]
    public async Task A_recipient_refused_for_good_fails_at_once_and_the_other_messages_still_go(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        Kit.Sink.RejectRecipient = address => address.StartsWith("nobody@", StringComparison.Ordinal);
        var refused = await Kit.EnqueueAsync(to: "nobody@example.org");
        Kit.Clock.Advance(TimeSpan.FromSeconds(1));
        var accepted = await Kit.EnqueueAsync();

        Assert.Equal(new DispatchPass(1, 1, false), await Kit.Dispatcher().ProcessDueAsync(default));
        var row = await Kit.RowAsync(refused);
        Assert.Equal((1, "SmtpCommandException 550 RecipientNotAccepted"), (row.Attempts, row.LastError));
        Assert.NotNull(row.FailedAt);
        Assert.NotNull((await Kit.RowAsync(accepted)).SentAt);
        Assert.Equal(["ana.petrovic@example.org"], Assert.Single(Kit.Sink.Received).Recipients);
        Kit.AssertLogHasNoPersonalData();
    }
}

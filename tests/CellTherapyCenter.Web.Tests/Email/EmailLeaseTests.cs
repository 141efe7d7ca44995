using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Email;

/// <summary>A message is never sent twice: leases hold across dispatchers, instances and restarts.</summary>
public sealed class EmailLeaseTests(RegistryApps apps) : EmailTests(apps)
{
    [Theory, EveryDatabase]
    public async Task A_message_leased_by_a_dispatcher_that_died_waits_for_the_lease_and_is_then_sent_once(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var id = await Kit.EnqueueAsync();
        // Another instance claimed it for five minutes and then stopped (crash or restart) mid-send.
        await Kit.LeaseAsync(id, TimeSpan.FromMinutes(5));

        Assert.Equal(default, await Kit.Dispatcher().ProcessDueAsync(default));
        Kit.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(default, await Kit.Dispatcher().ProcessDueAsync(default));
        Assert.Empty(Kit.Sink.Received);

        Kit.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await Kit.Dispatcher().ProcessDueAsync(default)).Sent);
        Assert.Equal(2, (await Kit.RowAsync(id)).Attempts);

        Kit.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(default, await Kit.Dispatcher().ProcessDueAsync(default));
        Assert.Single(Kit.Sink.Received);
    }

    [Theory, EveryDatabase]
    public async Task Two_dispatchers_running_at_the_same_time_send_each_message_exactly_once(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++) ids.Add(await Kit.EnqueueAsync(subject: $"Message {i}"));

        var passes = await Task.WhenAll(Kit.Dispatcher().ProcessDueAsync(default), Kit.Dispatcher().ProcessDueAsync(default));

        Assert.Equal(12, passes.Sum(p => p.Sent));
        Assert.Equal(0, passes.Sum(p => p.Failed));
        Assert.Equal(12, Kit.Sink.Received.Count);
        Assert.Equal(ids.Select(id => $"{id:N}@clinic.test").Order(), Kit.Sink.Received.Select(r => r.Message.MessageId).Order());
        var rows = await App.WithDbAsync(db => db.OutboundEmails.AsNoTracking().ToListAsync());
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
    }

    [Theory, EveryDatabase]
    public async Task A_message_sent_before_a_restart_is_not_sent_again_after_it(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        await Kit.EnqueueAsync();
        Assert.Equal(1, (await Kit.Dispatcher().ProcessDueAsync(default)).Sent);

        Kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(default, await Kit.Dispatcher().ProcessDueAsync(default));
        Assert.Single(Kit.Sink.Received);
    }
}

using CellTherapyCenter.Data;
using CellTherapyCenter.Web.Features.Privacy;
using CellTherapyCenter.Web.Tests.FollowUp;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Privacy;

/// <summary>An erasure request restricts processing at once: the scheduler queues no reminder for the patient (another patient's goes out).</summary>
public sealed class RestrictionTests(RegistryApps apps) : FollowUpTests(apps)
{
    [Theory, EveryDatabase]
    public async Task Restriction_stops_reminders(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var instance = Kit.StartInstance();
        // Month-1 self-report targets 14 March, window from 11 March; the kit's clock is 10 March.
        var restricted = await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 14), "restricted@example.org");
        var other = await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 14), "other@example.org");
        using (var scope = instance.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<PatientErasure>().RestrictAsync(restricted, Kit.Today, "test", default);

        Kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await Kit.Scheduler(instance).RunPassAsync(default)).RemindersQueued);
        var reminders = await App.WithDbAsync(db => db.FollowUpReminders.Select(r => r.PatientId).ToListAsync());
        Assert.Equal([other], reminders);
        Assert.False(await App.WithDbAsync(db => db.OutboundEmails.AnyAsync(e => e.ToAddress == "restricted@example.org")));
    }
}

using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.FollowUp;

/// <summary>
/// The reminder scheduler on a manual clock, with the outbox's dispatcher sending to a real SMTP
/// sink on loopback. Clinic time zone Europe/Belgrade (UTC+1 in March), quiet 21:00 to 08:00.
/// </summary>
public sealed class FollowUpSchedulerTests(RegistryApps apps) : FollowUpTests(apps)
{
    [Theory, EveryDatabase]
    public async Task A_self_report_reminder_goes_out_once_on_the_day_its_window_opens(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var instance = Kit.StartInstance();
        // Month-1 self-report targets 14 March, window 11 to 24 March; the baseline window closed in February.
        var patient = await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 14), "ana@example.org");
        var scheduler = Kit.Scheduler(instance);
        var dispatcher = Kit.Dispatcher(instance);

        Assert.Equal(0, (await scheduler.RunPassAsync(default)).RemindersQueued);
        Assert.Equal(0, (await dispatcher.ProcessDueAsync(default)).Sent);

        Kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await scheduler.RunPassAsync(default)).RemindersQueued);
        Assert.Equal(1, (await dispatcher.ProcessDueAsync(default)).Sent);
        var received = Assert.Single(Kit.Sink.Received);
        Assert.Equal(["ana@example.org"], received.Recipients);
        Assert.Equal("Your monthly questionnaire", received.Message.Subject);
        Assert.Contains("between 11 March 2026 and 24 March 2026", received.Message.TextBody);

        for (var day = 0; day < 5; day++)
        {
            Assert.Equal(0, (await scheduler.RunPassAsync(default)).RemindersQueued);
            Kit.Clock.Advance(TimeSpan.FromDays(1));
        }
        await dispatcher.ProcessDueAsync(default);
        Assert.Single(Kit.Sink.Received);

        // The outbox row is the log of what was sent, and the reminder row points at it.
        var (reminder, sentAt) = await App.WithDbAsync(async db =>
        {
            var r = await db.FollowUpReminders.SingleAsync(r => r.PatientId == patient);
            return (r, (await db.OutboundEmails.SingleAsync(e => e.Id == r.OutboundEmailId)).SentAt);
        });
        Assert.Equal(FollowUpEmails.SelfReportReminderKind, reminder.Kind);
        Assert.NotNull(sentAt);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(FollowUpReminder) && a.Detail!.Contains(patient.ToString()))));
        Kit.AssertLogHasNoPersonalData();
    }

    [Theory, EveryDatabase]
    public async Task A_reminder_is_written_in_the_patients_preferred_language(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var instance = Kit.StartInstance();
        var ukrainian = await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 14), "olena@example.org");
        var serbian = await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 14), "milica@example.org");
        using (var scope = instance.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.RegistryDbContext>();
            (await db.Patients.SingleAsync(p => p.Id == ukrainian)).PreferredLanguage = "uk";
            (await db.Patients.SingleAsync(p => p.Id == serbian)).PreferredLanguage = "sr";
            await db.SaveChangesAsync();
        }
        Kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, (await Kit.Scheduler(instance).RunPassAsync(default)).RemindersQueued);
        Assert.Equal(2, (await Kit.Dispatcher(instance).ProcessDueAsync(default)).Sent);

        var uk = Kit.Sink.Received.Single(m => m.Recipients.Contains("olena@example.org")).Message;
        Assert.Equal("Ваша щомісячна анкета", uk.Subject);
        Assert.Contains("11 березня 2026", uk.TextBody); // the genitive month, as Ukrainian dates are written
        var sr = Kit.Sink.Received.Single(m => m.Recipients.Contains("milica@example.org")).Message;
        Assert.Equal("Vaš mesečni upitnik", sr.Subject);
        Assert.Contains("11. mart 2026.", sr.TextBody);
        Kit.AssertLogHasNoPersonalData();
    }

    [Theory, EveryDatabase]
    public async Task Quiet_hours_in_the_clinics_time_zone_hold_a_reminder_until_eight(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var instance = Kit.StartInstance();
        await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 14), "ana@example.org");
        var scheduler = Kit.Scheduler(instance);

        // 23:30 UTC on 10 March is 00:30 on 11 March in Belgrade: the window is open, but it is night.
        Kit.Clock.Advance(new TimeSpan(14, 30, 0));
        var night = await scheduler.RunPassAsync(default);
        Assert.True(night.QuietHours);
        Assert.Equal(0, night.RemindersQueued);

        Kit.Clock.Advance(new TimeSpan(7, 29, 0)); // 07:59 in Belgrade
        Assert.Equal((true, 0), ((await scheduler.RunPassAsync(default)).QuietHours, (await scheduler.RunPassAsync(default)).RemindersQueued));

        Kit.Clock.Advance(TimeSpan.FromMinutes(1)); // 08:00
        Assert.Equal(1, (await scheduler.RunPassAsync(default)).RemindersQueued);
        await Kit.Dispatcher(instance).ProcessDueAsync(default);
        Assert.Single(Kit.Sink.Received);
    }

    [Theory, EveryDatabase]
    public async Task A_patient_who_opted_out_gets_no_reminder_and_others_still_do(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var instance = Kit.StartInstance();
        await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 10), "quiet@example.org", optedOut: true);
        await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 10), "ana@example.org");

        Assert.Equal(1, (await Kit.Scheduler(instance).RunPassAsync(default)).RemindersQueued);
        await Kit.Dispatcher(instance).ProcessDueAsync(default);
        Assert.Equal(["ana@example.org"], Assert.Single(Kit.Sink.Received).Recipients);
    }

    [Theory, EveryDatabase]
    public async Task Synthetic_demo_patients_get_no_reminder_unless_the_option_says_so(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var instance = Kit.StartInstance();
        var patient = await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 10), "demo@example.invalid");
        await App.WithDbAsync(db => db.Patients.Where(p => p.Id == patient).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsSynthetic, true)));

        Assert.Equal(0, (await Kit.Scheduler(instance).RunPassAsync(default)).RemindersQueued);
        Assert.Equal(1, (await Kit.Scheduler(instance, o => o.RemindSyntheticPatients = true).RunPassAsync(default)).RemindersQueued);
    }

    [Theory, EveryDatabase]
    public async Task A_restart_in_the_middle_neither_loses_nor_duplicates_a_reminder(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var first = Kit.StartInstance();
        string[] addresses = ["ana@example.org", "bojan@example.org", "vesna@example.org"];
        foreach (var address in addresses)
            await Kit.PatientWithCourseAsync(first, new DateOnly(2026, 2, 10), address);

        // One reminder per batch; the first instance stops after one batch, as a crash would.
        Assert.Equal(1, (await Kit.Scheduler(first, o => o.BatchSize = 1).RunPassAsync(default, maxBatches: 1)).RemindersQueued);
        await first.DisposeAsync();

        var second = Kit.StartInstance();
        var scheduler = Kit.Scheduler(second, o => o.BatchSize = 1);
        Assert.Equal(2, (await scheduler.RunPassAsync(default)).RemindersQueued);
        Assert.Equal(0, (await scheduler.RunPassAsync(default)).RemindersQueued);
        Assert.Equal(3, (await Kit.Dispatcher(second).ProcessDueAsync(default)).Sent);

        Assert.Equal(addresses, Kit.Sink.Received.SelectMany(r => r.Recipients).Order());
        Assert.Equal(3, await App.WithDbAsync(db => db.OutboundEmails.CountAsync()));
    }

    [Theory, EveryDatabase]
    public async Task Due_items_read_a_few_batches_at_a_time_are_each_queued_once(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var instance = Kit.StartInstance();
        string[] addresses = ["ana@example.org", "bojan@example.org", "vesna@example.org", "zoran@example.org", "mira@example.org"];
        foreach (var address in addresses)
            await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 10), address);

        // Pages of three due items, batches of two (a batch ends where its page does): each read goes on after the last committed batch.
        var scheduler = Kit.Scheduler(instance, o => o.BatchSize = 2);
        scheduler.DuePageSize = 3;
        Task<int> AuditLinesAsync() => App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(FollowUpReminder)));
        var linesBefore = await AuditLinesAsync();
        Assert.Equal(2, (await scheduler.RunPassAsync(default, maxBatches: 1)).RemindersQueued); // stops in the middle of its page
        Assert.Equal(3, (await scheduler.RunPassAsync(default)).RemindersQueued); // a full page of three, then an empty read
        Assert.Equal(0, (await scheduler.RunPassAsync(default)).RemindersQueued);
        Assert.Equal(3, await AuditLinesAsync() - linesBefore); // one per batch

        await Kit.Dispatcher(instance).ProcessDueAsync(default);
        Assert.Equal(addresses.Order(), Kit.Sink.Received.SelectMany(r => r.Recipients).Order());
    }

    [Theory, EveryDatabase]
    public async Task Two_schedulers_running_at_once_queue_each_reminder_once(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var one = Kit.StartInstance();
        var two = Kit.StartInstance();
        string[] addresses = ["ana@example.org", "bojan@example.org", "vesna@example.org", "zoran@example.org"];
        foreach (var address in addresses)
            await Kit.PatientWithCourseAsync(one, new DateOnly(2026, 2, 10), address);

        var passes = await Task.WhenAll(
            Kit.Scheduler(one, o => o.BatchSize = 1).RunPassAsync(default),
            Kit.Scheduler(two, o => o.BatchSize = 1).RunPassAsync(default));

        Assert.Equal(addresses.Length, passes.Sum(p => p.RemindersQueued));
        await Kit.Dispatcher(one).ProcessDueAsync(default);
        Assert.Equal(addresses, Kit.Sink.Received.SelectMany(r => r.Recipients).Order());
    }

    [Theory, EveryDatabase]
    public async Task The_database_refuses_a_second_reminder_of_the_same_kind_for_an_item(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var instance = Kit.StartInstance();
        var patient = await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 10), "ana@example.org");
        await Kit.Scheduler(instance).RunPassAsync(default);
        var first = await App.WithDbAsync(db => db.FollowUpReminders.AsNoTracking().SingleAsync(r => r.PatientId == patient));

        await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            db.FollowUpReminders.Add(new FollowUpReminder
            {
                FollowUpItemId = first.FollowUpItemId, PatientId = patient, Kind = first.Kind, OutboundEmailId = Guid.NewGuid(), QueuedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        }));
    }

    [Theory, EveryDatabase]
    public async Task A_batch_written_past_the_change_tracker_is_refused_whole_when_one_reminder_exists_already(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var instance = Kit.StartInstance();
        var patient = await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 10), "ana@example.org");
        Assert.Equal(1, (await Kit.Scheduler(instance).RunPassAsync(default)).RemindersQueued);
        var first = await App.WithDbAsync(db => db.FollowUpReminders.AsNoTracking().SingleAsync(r => r.PatientId == patient));

        // What a second scheduler that read the item before the first committed would write.
        using (var scope = instance.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CellTherapyCenter.Data.RegistryDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Email.EmailOutbox>();
            var email = outbox.Compose(first.Kind, "ana@example.org", "Ana", "Your monthly questionnaire", "Again.");
            await using var transaction = await db.Database.BeginTransactionAsync();
            await outbox.WriteAsync([email], default);
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => CellTherapyCenter.Data.BulkInsert.InsertAsync(db, [new FollowUpReminder
            {
                FollowUpItemId = first.FollowUpItemId, PatientId = patient, Kind = first.Kind, OutboundEmailId = email.Id, QueuedAt = DateTime.UtcNow,
            }], default));
        }

        Assert.Equal(1, await App.WithDbAsync(db => db.FollowUpReminders.CountAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.OutboundEmails.CountAsync()));
    }

    [Theory, EveryDatabase]
    public async Task A_self_report_completes_its_item_and_no_reminder_follows(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var instance = Kit.StartInstance();
        var patient = await Kit.PatientWithCourseAsync(instance, new DateOnly(2026, 2, 14), "ana@example.org");
        await FollowUpTestKit.SelfReportAsync(instance, patient, new DateOnly(2026, 3, 12), 40);
        Kit.Clock.Advance(TimeSpan.FromDays(2));

        var pass = await Kit.Scheduler(instance).RunPassAsync(default);
        Assert.Equal((1, 0), (pass.Completed, pass.RemindersQueued));
        var item = await App.WithDbAsync(db => db.FollowUpItems.SingleAsync(i => i.PatientId == patient && i.Kind == FollowUpKind.SelfReport && i.Slot == 1 && i.VoidedAt == null));
        Assert.Equal((FollowUpStatus.Completed, new DateOnly(2026, 3, 12)), (item.Status, item.CompletedOn));
    }

    [Theory, EveryDatabase]
    public async Task The_decline_alert_fires_at_exactly_four_points_and_not_at_three(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var instance = Kit.StartInstance();
        var scheduler = Kit.Scheduler(instance);
        await scheduler.RunPassAsync(default); // the first pass starts the alert cursor: history is not news
        var four = await Kit.PatientWithCourseAsync(instance, new DateOnly(2025, 6, 1), "four@example.org");
        var three = await Kit.PatientWithCourseAsync(instance, new DateOnly(2025, 6, 1), "three@example.org");
        var breath = await Kit.PatientWithCourseAsync(instance, new DateOnly(2025, 6, 1), "breath@example.org");
        await FollowUpTestKit.SelfReportAsync(instance, four, new DateOnly(2026, 2, 1), 40);
        var fell = await FollowUpTestKit.SelfReportAsync(instance, four, new DateOnly(2026, 3, 1), 36);
        await FollowUpTestKit.SelfReportAsync(instance, three, new DateOnly(2026, 2, 1), 40);
        await FollowUpTestKit.SelfReportAsync(instance, three, new DateOnly(2026, 3, 1), 37);
        await FollowUpTestKit.SelfReportAsync(instance, breath, new DateOnly(2026, 2, 1), 40);
        await FollowUpTestKit.SelfReportAsync(instance, breath, new DateOnly(2026, 3, 1), 40, dyspnea: 3);

        Kit.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, (await scheduler.RunPassAsync(default)).Alerts);
        Assert.Equal(0, (await Kit.Scheduler(Kit.StartInstance()).RunPassAsync(default)).Alerts);

        var alerts = await App.WithDbAsync(db => db.FollowUpAlerts.AsNoTracking().Where(a => a.PatientId == four || a.PatientId == three || a.PatientId == breath).ToListAsync());
        Assert.Equal(2, alerts.Count);
        var alert = Assert.Single(alerts, a => a.PatientId == four);
        Assert.Equal((fell, 40, 36, "total fell by 4 (40 → 36)"), (alert.AssessmentId, alert.PreviousTotal, alert.Total, alert.Reason));
        Assert.Contains(alerts, a => a.PatientId == breath && a.Reason == "dyspnea fell 4 → 3");
        Assert.DoesNotContain(alerts, a => a.PatientId == three);

        // Staff are told by email (pseudonym and link only) and on the worklist.
        await Kit.Dispatcher(instance).ProcessDueAsync(default);
        var staffMail = Kit.Sink.Received.Where(r => r.Recipients.Contains(FollowUpTestKit.StaffEmail)).ToList();
        Assert.Equal(2, staffMail.Count);
        var pseudonym = await App.WithDbAsync(db => db.Patients.Where(p => p.Id == four).Select(p => p.Pseudonym).SingleAsync());
        Assert.Contains(staffMail, m => m.Message.Subject == $"Self-report needs review ({pseudonym})");
        // No clinical figures in the email: neither the reason nor the totals (the pseudonym is random hex and may contain digits).
        static string WithoutPseudonyms(string? body) => System.Text.RegularExpressions.Regex.Replace(body ?? "", "CTC-[0-9A-F]{6}", "CTC-******");
        Assert.All(staffMail, m => Assert.DoesNotContain("36", WithoutPseudonyms(m.Message.TextBody)));
        Assert.All(staffMail, m => Assert.DoesNotContain("40", WithoutPseudonyms(m.Message.TextBody)));

        var coordinator = await App.SignedInClientAsync(CellTherapyCenter.Data.Identity.StaffRoles.Coordinator);
        var worklist = await coordinator.GetStringAsync("/staff/follow-up");
        Assert.Contains("total fell by 4 (40 → 36)", System.Net.WebUtility.HtmlDecode(worklist));
        Assert.DoesNotContain("(40 → 37)", System.Net.WebUtility.HtmlDecode(worklist));
    }

    [Theory, EveryDatabase]
    public async Task The_hosted_scheduler_queues_on_start_and_the_dispatcher_delivers_to_the_sink(DatabaseProvider database)
    {
        await UseDatabaseAsync(database);
        var patient = await Kit.PatientWithCourseAsync(Kit.StartInstance(), new DateOnly(2026, 2, 10), "ana@example.org");
        await using var live = App.WithWebHostBuilder(b =>
        {
            b.UseSetting("FollowUp:SchedulerEnabled", "true");
            b.UseSetting("FollowUp:StaffEmail", FollowUpTestKit.StaffEmail);
            b.UseSetting("Email:Enabled", "true");
            b.UseSetting("Email:From:Address", FollowUpTestKit.From);
            b.UseSetting("Email:Smtp:Host", "127.0.0.1");
            b.UseSetting("Email:Smtp:Port", Kit.Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Email:Smtp:Security", "None");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Kit.Clock));
        });
        _ = live.Server;

        var received = await Kit.Sink.NextAsync(Eventually.Bound);
        Assert.Equal(["ana@example.org"], received.Recipients);
        Assert.Equal(1, await App.WithDbAsync(db => db.FollowUpReminders.CountAsync(r => r.PatientId == patient)));
    }
}

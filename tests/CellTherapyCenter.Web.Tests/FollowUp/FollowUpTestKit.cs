using CellTherapyCenter.Clinical.Alsfrs;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Web.Features.FollowUp;
using CellTherapyCenter.Web.Features.PublicSite;
using CellTherapyCenter.Web.Infrastructure.Email;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CellTherapyCenter.Web.Tests.FollowUp;

/// <summary>
/// What a follow-up test needs: app instances on the class's database whose clock is a manual
/// one (a new instance is what a restart gives), schedulers and email dispatchers on that clock,
/// and a real SMTP sink on loopback. The clock starts on Tuesday 10 March 2026, 10:00 in
/// Belgrade (09:00 UTC): outside quiet hours.
/// </summary>
public sealed class FollowUpTestKit(RegistryAppFactory app) : IAsyncDisposable
{
    public const string StaffEmail = "followup-staff@clinic.test";
    public const string From = "clinic@clinic.test";

    private readonly List<WebApplicationFactory<Program>> _instances = [];

    public SmtpSink Sink { get; } = SmtpSink.Start();
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
    public ListLogger<FollowUpScheduler> Log { get; } = new();
    public DateOnly Today => new(2026, 3, 10);

    /// <summary>
    /// Test classes share a database: earlier tests' items would be due in this one's passes, so
    /// they are voided (test-only bulk update) and reminders, alert cursor and outbox emptied.
    /// </summary>
    public Task ResetAsync()
    {
        _ = app.Server;
        return app.WithDbAsync(async db =>
        {
            await db.FollowUpReminders.ExecuteDeleteAsync();
            await db.OutboundEmails.ExecuteDeleteAsync();
            await db.FollowUpCursors.ExecuteDeleteAsync();
            return await db.FollowUpItems.Where(i => i.VoidedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.VoidedAt, DateTime.UtcNow).SetProperty(i => i.VoidReason, "test reset"));
        });
    }

    /// <summary>A new app instance on the same database with the manual clock (as after a restart).</summary>
    public WebApplicationFactory<Program> StartInstance()
    {
        var instance = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
        _ = instance.Server;
        _instances.Add(instance);
        return instance;
    }

    public FollowUpScheduler Scheduler(WebApplicationFactory<Program> instance, Action<FollowUpOptions>? change = null)
    {
        var options = new FollowUpOptions { StaffEmail = StaffEmail, WorklistUrl = "https://clinic.test/staff/follow-up" };
        change?.Invoke(options);
        return new FollowUpScheduler(instance.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(options),
            instance.Services.GetRequiredService<IOptions<ClinicOptions>>(), Clock, Log);
    }

    public EmailDispatcher Dispatcher(WebApplicationFactory<Program> instance) => new(
        instance.Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new EmailOptions
        {
            Enabled = true,
            From = { Address = From, DisplayName = "Cell Therapy Center" },
            Smtp = { Host = "127.0.0.1", Port = Sink.Port, Security = SmtpSecurity.None, TimeoutSeconds = 10 },
        }),
        Clock, new EmailSignal(), new ListLogger<EmailDispatcher>());

    /// <summary>A patient with one course starting on <paramref name="courseStart"/>, its schedule generated as the course form does.</summary>
    public async Task<Guid> PatientWithCourseAsync(WebApplicationFactory<Program> instance, DateOnly courseStart, string email, bool optedOut = false)
    {
        using var scope = instance.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var patient = Arrange.Patient("Followup", email.Split('@')[0]);
        patient.Email = email;
        db.Patients.Add(patient);
        var course = new TreatmentCourse { PatientId = patient.Id, Number = 1, StartDate = courseStart };
        db.TreatmentCourses.Add(course);
        await scope.ServiceProvider.GetRequiredService<FollowUpSchedule>().SyncCourseAsync(course, isNew: true, default);
        if (optedOut) db.PatientFollowUps.Add(new PatientFollowUp { PatientId = patient.Id, RemindersOptedOutAt = Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        return patient.Id;
    }

    /// <summary>A self-administered ALSFRS-R with the given total (items 1-9 lowered in turn; 10-12 as given).</summary>
    public static async Task<Guid> SelfReportAsync(WebApplicationFactory<Program> instance, Guid patientId, DateOnly on, int total,
        int dyspnea = 4, int orthopnea = 4, int respiratoryInsufficiency = 4)
    {
        var items = new int[12];
        Array.Fill(items, 4);
        (items[9], items[10], items[11]) = (dyspnea, orthopnea, respiratoryInsufficiency);
        for (var i = 0; items.Sum() > total; i = (i + 1) % 9)
            if (items[i] > 0) items[i]--;
        using var scope = instance.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var a = new AlsfrsRAssessment { PatientId = patientId, AssessedOn = on, Rater = AssessmentRater.Patient, Mode = AssessmentMode.SelfAdministeredOnline };
        a.SetResponses(AlsfrsRResponses.FromScores(items[0], items[1], items[2], items[3], items[4], items[5], items[6], items[7], items[8], items[9], items[10], items[11]));
        Assert.Equal(total, a.Total);
        db.AlsfrsRAssessments.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    }

    /// <summary>Application logs name counts and ids only: no address, name or subject of a message.</summary>
    public void AssertLogHasNoPersonalData()
    {
        foreach (var line in Log.Lines)
        {
            Assert.DoesNotContain("@", line);
            Assert.DoesNotContain("Followup", line);
            Assert.DoesNotContain("questionnaire", line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances) await instance.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

/// <summary>
/// Base of the follow-up integration tests, run on every database: each test starts with
/// <see cref="UseDatabaseAsync"/>, which gives it a fresh kit and resets follow-up state on that database.
/// </summary>
public abstract class FollowUpTests(RegistryApps apps) : KitTests<FollowUpTestKit>(apps)
{
    protected override FollowUpTestKit CreateKit(RegistryAppFactory app) => new(app);

    protected override Task PrepareAsync(FollowUpTestKit kit) => kit.ResetAsync();
}

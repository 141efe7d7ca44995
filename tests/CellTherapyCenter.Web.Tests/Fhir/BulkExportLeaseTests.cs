using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Web.Features.Fhir.Export;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Fhir;

/// <summary>
/// The claim that keeps two app instances from running one export job: the worker's own claim and
/// renewal queries, from two DbContexts (two connections) at once, on both databases.
/// </summary>
public sealed class BulkExportLeaseTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private static async Task<Guid> QueuedJobAsync(RegistryAppFactory app, DateTime now) => await app.WithDbAsync(async db =>
    {
        // A job whose holder's lease ran out at the test's "now", a year ahead of the real clock: the app's own
        // worker, on the real clock, sees the lease still holding and leaves the job alone, so only the claims here decide.
        var job = new BulkExportJob
        {
            ClientId = "lease-test", ClientName = "lease test", Request = "http://localhost/fhir/$export", Types = "Patient",
            TransactionTime = now, CreatedAt = now, ExpiresAt = now.AddDays(400),
            State = BulkExportState.Running, LeaseOwner = "killed", LeaseUntil = now.AddSeconds(-1),
        };
        db.BulkExportJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    });

    [Theory, EveryDatabase]
    public async Task Of_two_instances_claiming_one_job_at_once_exactly_one_gets_it_and_the_other_only_after_the_lease_runs_out(DatabaseProvider database)
    {
        var app = apps[database];
        _ = app.Server;
        var now = DateTime.UtcNow.AddDays(365);
        for (var round = 0; round < 5; round++)
        {
            var jobId = await QueuedJobAsync(app, now);
            using var one = app.Services.CreateScope();
            using var two = app.Services.CreateScope();
            var first = one.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var second = two.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await first.Database.OpenConnectionAsync();
            await second.Database.OpenConnectionAsync();

            var claims = await Task.WhenAll(
                Task.Run(() => BulkExportWorker.ClaimAsync(first, jobId, "instance-a", now, Lease, CancellationToken.None)),
                Task.Run(() => BulkExportWorker.ClaimAsync(second, jobId, "instance-b", now, Lease, CancellationToken.None)));
            Assert.Single(claims, c => c);
            var (winner, winnerDb, loser, loserDb) = claims[0] ? ("instance-a", first, "instance-b", second) : ("instance-b", second, "instance-a", first);

            // While the lease holds, the other cannot take it nor renew it; the holder renews it.
            Assert.False(await BulkExportWorker.ClaimAsync(loserDb, jobId, loser, now.AddSeconds(29), Lease, CancellationToken.None));
            Assert.False(await BulkExportWorker.RenewAsync(loserDb, jobId, loser, now.AddSeconds(29), Lease, 0, CancellationToken.None));
            Assert.True(await BulkExportWorker.RenewAsync(winnerDb, jobId, winner, now.AddSeconds(29), Lease, 0, CancellationToken.None));
            Assert.False(await BulkExportWorker.ClaimAsync(loserDb, jobId, loser, now.AddSeconds(58), Lease, CancellationToken.None));

            // The holder was killed: once its lease has run out, the other takes the job, and the old holder's renewal fails.
            Assert.True(await BulkExportWorker.ClaimAsync(loserDb, jobId, loser, now.AddSeconds(60), Lease, CancellationToken.None));
            Assert.False(await BulkExportWorker.RenewAsync(winnerDb, jobId, winner, now.AddSeconds(61), Lease, 0, CancellationToken.None));
            var job = await app.WithDbAsync(db => db.BulkExportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
            Assert.Equal((loser, 2), (job.LeaseOwner, job.Attempts));
            await app.WithDbAsync(db => db.BulkExportJobs.Where(j => j.Id == jobId).ExecuteDeleteAsync());
        }
    }
}

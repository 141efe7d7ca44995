using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.Audit;
using CellTherapyCenter.Web.Infrastructure;
using CellTherapyCenter.Web.Tests.CommandLine;
using CellTherapyCenter.Web.Tests.Database;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Auditing;

/// <summary>
/// The audit trail's hash chain (issue 16, item 9): every way a line is written joins the chain,
/// concurrent writers keep it whole, <c>verify-audit</c> passes on it and names the first line
/// changed behind the app's back.
/// </summary>
public sealed class ChainTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    private static AuditEntry Line(string detail) => new() { At = DateTime.UtcNow, UserName = "system", Action = AuditActions.Export, Detail = detail };

    [Theory, EveryDatabase]
    public async Task Lines_written_every_way_form_one_chain_that_verify_audit_passes(DatabaseProvider database)
    {
        var app = apps[database];
        // EF Core with the registry's own auditing, AuditLog's raw INSERT, AuditLog through SaveChanges.
        await app.WithDbAsync(async db =>
        {
            db.Patients.Add(new Patient
            {
                FamilyName = "Chained", GivenName = "Ana", DateOfBirth = new DateOnly(1970, 5, 1), Sex = Sex.Female,
                Pseudonym = "CTC-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
            });
            return await db.SaveChangesAsync();
        });
        using (var scope = app.Services.CreateScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await audit.WriteLineAsync(AuditActions.List, nameof(Patient), null, null, "raw insert", CancellationToken.None);
            await audit.WriteAsync(AuditActions.Export, "Test", null, null, "through SaveChanges");
        }

        var lines = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.ChainSeq).ToListAsync());
        Assert.All(lines, l => Assert.Matches("^[0-9a-f]{64}$", l.Chain));
        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => (long?)i), lines.Select(l => l.ChainSeq));

        var run = await WebCommandRun.RunAsync(["verify-audit", .. WebCommandRun.DatabaseOf(app)]);
        Assert.Equal((0, ""), (run.Exit, run.Err));
        Assert.Contains("\"intact\":true", run.Out);
        Assert.Contains($"\"lines\":{lines.Count}", run.Out);

        // The administrators' audit page shows the same state.
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);
        await admin.GetAsync(new Uri("/staff/audit", UriKind.Relative));
        await app.Services.GetRequiredService<AuditChainMonitor>().CheckIfStale();
        var page = await (await admin.GetAsync(new Uri("/staff/audit", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("The hash chain held at the last check", page);
    }

    [Theory, EveryDatabase]
    public async Task Concurrent_writers_keep_the_chain_whole(DatabaseProvider database)
    {
        var app = apps[database];
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        const int writers = 6, each = 15;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                using var scope = app.Services.CreateScope();
                if (i % 2 == 0)
                {
                    var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
                    db.AuditEntries.AddRange(Line($"writer {w} line {i}a"), Line($"writer {w} line {i}b"));
                    await db.SaveChangesAsync();
                }
                else
                {
                    var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
                    await audit.WriteLineAsync(AuditActions.List, "Test", null, null, $"writer {w} line {i}", CancellationToken.None);
                    await audit.WriteLineAsync(AuditActions.List, "Test", null, null, $"writer {w} line {i}'", CancellationToken.None);
                }
            }
        })));

        var report = await app.WithDbAsync(db => AuditChain.VerifyAsync(db));
        Assert.True(report.Intact, report.Summary);
        Assert.Equal(before + (writers * each * 2), report.LinesChecked);
    }

    [Theory, EveryDatabase]
    public async Task A_line_changed_behind_the_apps_back_is_named(DatabaseProvider database)
    {
        await using var fresh = await FreshDatabase.CreateAsync(database);
        long changedId;
        await using (var db = fresh.Context())
        {
            await db.Database.MigrateAsync();
            for (var i = 0; i < 5; i++)
            {
                db.AuditEntries.Add(Line($"line {i}"));
                await db.SaveChangesAsync();
            }
            Assert.True((await AuditChain.VerifyAsync(db)).Intact);
            changedId = await db.AuditEntries.Where(a => a.Detail == "line 2").Select(a => a.Id).SingleAsync();
        }
        // As a superuser would: the append-only guard off, one column changed, the guard back on.
        await fresh.ExecuteAsync(database == DatabaseProvider.PostgreSQL
            ? $"""
              ALTER TABLE "AuditEntries" DISABLE TRIGGER "AuditEntries_AppendOnly";
              UPDATE "AuditEntries" SET "Detail" = 'line 2, quietly changed' WHERE "Id" = {changedId};
              ALTER TABLE "AuditEntries" ENABLE TRIGGER "AuditEntries_AppendOnly";
              """
            : $"""
              DROP TRIGGER "AuditEntries_NoUpdate";
              UPDATE "AuditEntries" SET "Detail" = 'line 2, quietly changed' WHERE "Id" = {changedId};
              """);

        var run = await WebCommandRun.RunAsync(
            ["verify-audit", "--Database:Provider", database.ToString(), "--ConnectionStrings:Registry", fresh.ConnectionString, "--Logging:LogLevel:Default", "Warning"]);
        Assert.Equal((1, ""), (run.Exit, run.Out));
        Assert.Equal($"error: audit chain broken at line {changedId}: its content or chain value was changed", run.Err.Trim());
    }

    [Theory, EveryDatabase]
    public async Task A_line_removed_or_slipped_in_without_the_chain_is_named(DatabaseProvider database)
    {
        await using var fresh = await FreshDatabase.CreateAsync(database);
        await using var db = fresh.Context();
        await db.Database.MigrateAsync();
        for (var i = 0; i < 4; i++)
        {
            db.AuditEntries.Add(Line($"line {i}"));
            await db.SaveChangesAsync();
        }
        var ids = await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        await fresh.ExecuteAsync(database == DatabaseProvider.PostgreSQL
            ? $"""
              ALTER TABLE "AuditEntries" DISABLE TRIGGER USER;
              DELETE FROM "AuditEntries" WHERE "Id" = {ids[1]};
              """
            : $"""
              DROP TRIGGER "AuditEntries_NoDelete";
              DELETE FROM "AuditEntries" WHERE "Id" = {ids[1]};
              """);
        var removed = await AuditChain.VerifyAsync(db);
        Assert.Equal((false, ids[2]), (removed.Intact, removed.BrokenId));
        Assert.Contains("is missing", removed.Problem);

        // With the chain's trigger off (PostgreSQL) or gone (SQLite), a new line has no place in it.
        if (database == DatabaseProvider.Sqlite) await fresh.ExecuteAsync("""DROP TRIGGER "AuditEntries_Chain";""");
        db.AuditEntries.Add(Line("slipped in"));
        await db.SaveChangesAsync();
        var slipped = await AuditChain.VerifyAsync(db);
        Assert.False(slipped.Intact);
        Assert.Contains("not in the chain", slipped.Problem);
    }

    [Theory, EveryDatabase]
    public async Task The_migration_chains_the_lines_already_stored(DatabaseProvider database)
    {
        await using var fresh = await FreshDatabase.CreateAsync(database);
        await using var db = fresh.Context();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var chain = migrations.Single(m => m.EndsWith("_BackupAndAuditChain", StringComparison.Ordinal));
        await migrator.MigrateAsync(migrations[migrations.IndexOf(chain) - 1]);
        for (var i = 0; i < 30; i++)
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "AuditEntries" ("At", "UserName", "Action", "Detail") VALUES ({DateTime.UtcNow}, {"system"}, {"export"}, {"before " + i})""");

        await migrator.MigrateAsync();
        db.AuditEntries.Add(Line("after"));
        await db.SaveChangesAsync();

        var report = await AuditChain.VerifyAsync(db);
        Assert.True(report.Intact, report.Summary);
        Assert.Equal(31, report.LinesChecked);
    }

    [Theory, EveryDatabase]
    public async Task A_typed_sign_in_name_is_stored_bounded_and_without_control_characters(DatabaseProvider database)
    {
        var app = apps[database];
        var typed = "evil\u0000\u001b[31m\u202Eadmin\r\n" + new string('x', 10_000);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(AuditActions.LoginFailed, "StaffUser", null, null, null, userName: typed);

        var stored = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.LoginFailed).OrderByDescending(a => a.Id).Select(a => a.UserName).FirstAsync());
        Assert.Equal(AuditText.MaxLength, stored!.Length);
        Assert.StartsWith("evil[31madminxxx", stored);
        Assert.DoesNotContain(stored, c => char.IsControl(c) || c == '\u202E');
    }
}

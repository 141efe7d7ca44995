using System.Net;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Audit;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CellTherapyCenter.Web.Tests.Auditing;

/// <summary>The administrators' audit page shows the hash chain's state: here, broken, naming the line (its own app: the chain stays broken).</summary>
public sealed class ChainPageTests(RegistryApps apps) : IClassFixture<RegistryApps>
{
    [Theory, EveryDatabase]
    public async Task The_audit_page_names_the_line_that_breaks_the_chain(DatabaseProvider database)
    {
        var app = apps[database];
        var admin = await app.SignedInClientAsync(StaffRoles.Administrator);
        var id = await app.WithDbAsync(async db =>
        {
            var line = new AuditEntry { At = DateTime.UtcNow, UserName = "system", Action = AuditActions.Export, Detail = "to be changed" };
            db.AuditEntries.Add(line);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(database == DatabaseProvider.PostgreSQL
                ? $"""
                  ALTER TABLE "AuditEntries" DISABLE TRIGGER "AuditEntries_AppendOnly";
                  UPDATE "AuditEntries" SET "Detail" = 'changed' WHERE "Id" = {line.Id};
                  ALTER TABLE "AuditEntries" ENABLE TRIGGER "AuditEntries_AppendOnly";
                  """
                : $"""
                  DROP TRIGGER "AuditEntries_NoUpdate";
                  UPDATE "AuditEntries" SET "Detail" = 'changed' WHERE "Id" = {line.Id};
                  """);
            return line.Id;
        });

        // The first load starts the check; on a slow machine it may still run when the page answers.
        await admin.GetAsync(new Uri("/staff/audit", UriKind.Relative));
        await app.Services.GetRequiredService<AuditChainMonitor>().CheckIfStale();
        var response = await admin.GetAsync(new Uri("/staff/audit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"The hash chain is broken at line {id}: its content or chain value was changed.", html);
    }
}

using System.Security.Cryptography;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Portal;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Portal;

/// <summary>
/// On a new demo registry, a portal account for one synthetic patient (alive, treated, with an
/// email), so the portal can be tried at once. Its password is printed once, like the
/// administrator's. No invitation email is queued: the demo addresses are invented.
/// </summary>
public static class DemoPortalAccount
{
    public const string Email = "portal-demo@celltherapycenter.local";

    public static async Task CreateAsync(RegistryDbContext db, PortalInvitations invitations, string? password, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking()
            .Where(p => p.IsSynthetic && p.VoidedAt == null && p.VitalState == VitalState.Alive && db.TreatmentCourses.Any(c => c.PatientId == p.Id && c.VoidedAt == null))
            .OrderBy(p => p.Pseudonym).Select(p => new { p.Id, p.GivenName, p.Pseudonym, p.PreferredLanguage }).FirstOrDefaultAsync(ct);
        if (patient is null) return;
        var account = new PortalAccount
        {
            PatientId = patient.Id, Role = PortalRole.Patient, DisplayName = patient.GivenName, Email = Email,
            Language = "en", InvitedBy = "system: demo",
        };
        db.PortalAccounts.Add(account);
        await db.SaveChangesAsync(ct);
        password ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "Aa7";
        var accepted = await invitations.AcceptAsync(account, password, ct);
        if (!accepted.Succeeded) throw new InvalidOperationException("Could not create the demo portal account: " + string.Join("; ", accepted.Errors.Select(e => e.Description)));
        Console.WriteLine();
        Console.WriteLine("==================================================================");
        Console.WriteLine($" Demo patient portal account, synthetic patient {patient.Pseudonym} (shown once):");
        Console.WriteLine("   sign in at /portal");
        Console.WriteLine($"   user:     {Email}");
        Console.WriteLine($"   password: {password}");
        Console.WriteLine("==================================================================");
        Console.WriteLine();
    }
}

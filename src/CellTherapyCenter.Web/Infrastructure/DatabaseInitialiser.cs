using System.Security.Cryptography;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Features.PublicSite.Content;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>
/// On start: applies migrations, creates the staff roles, and on an empty database an
/// administrator (a generated password is printed once to the console and must be changed at first
/// sign-in; one set in Admin:Password is kept) and, unless Demo:Enabled is false, the
/// synthetic demo cohort with example public-site content; the default text of the public pages always.
/// </summary>
public sealed class DatabaseInitialiser(
    RegistryDbContext db,
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    DemoCohortSeeder demo,
    SiteContentSeeder siteContent,
    Features.Portal.PortalInvitations portalInvitations,
    IConfiguration configuration,
    ILogger<DatabaseInitialiser> logger)
{
    public async Task InitialiseAsync(CancellationToken ct)
    {
        if (await RegistryMigrations.MigrateAsync(db, ct))
            logger.LogInformation("Migration history taken over by the squashed Initial migration (same schema)");
        if (await StaffUserStore.HashClearRecoveryCodesAsync(db, ct) is var hashed and > 0)
            logger.LogInformation("Recovery codes stored in clear by an earlier version hashed for {Count} accounts", hashed);
        foreach (var role in StaffRoles.All.Append(Features.Portal.PortalAccess.Role))
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        if (!await users.Users.AnyAsync(ct))
            await CreateAdministratorAsync();

        await siteContent.SeedPagesAsync(ct);
        if (configuration.GetValue("Demo:Enabled", true) && !await db.Patients.AnyAsync(ct))
        {
            var options = DemoCohortOptions.From(configuration);
            var count = await demo.SeedAsync(options, ct);
            logger.LogInformation("Seeded a synthetic demo cohort of {Count} patients (seed {Seed})", count, options.Seed);
            await siteContent.SeedDemoExamplesAsync(ct);
            await Features.Portal.DemoPortalAccount.CreateAsync(db, portalInvitations, configuration["Demo:PortalPassword"], ct);
        }
    }

    private async Task CreateAdministratorAsync()
    {
        var email = configuration["Admin:Email"] ?? "admin@celltherapycenter.local";
        var configured = configuration["Admin:Password"];
        var generated = string.IsNullOrEmpty(configured);
        var password = generated ? GeneratePassword() : configured!;
        // A generated password was shown on a console (and may sit in a terminal's scroll-back or a
        // service log): like any password someone else chose, it is replaced at first sign-in
        // (ASVS 2.3.1). One set in Admin:Password was chosen by whoever deploys, and stays.
        var admin = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator", MustChangePassword = generated };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create the administrator: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, StaffRoles.Administrator);
        // Printed once, to the console only (never to the log): it is not stored anywhere else.
        Console.WriteLine();
        Console.WriteLine("==================================================================");
        Console.WriteLine(" Administrator account created (shown once, note it now):");
        Console.WriteLine($"   user:     {email}");
        Console.WriteLine($"   password: {password}");
        if (generated) Console.WriteLine(" You will choose a password of your own at first sign-in.");
        Console.WriteLine("==================================================================");
        Console.WriteLine();
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
        // Identity's defaults want a digit, an upper and a lower case letter: make sure of each.
        return new string(chars) + "Aa7";
    }
}

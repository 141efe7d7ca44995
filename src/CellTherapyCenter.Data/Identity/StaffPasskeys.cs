using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Data.Identity;

/// <summary>
/// Staff passkeys (WebAuthn credentials), stored as Identity's schema version 3 stores them. Identity
/// picks its schema from the app's IdentityOptions, which design-time migrations do not see, and
/// version 3 also changes key and phone lengths of the existing tables; so only the passkey table is
/// configured here, the same at run time and at design time.
/// </summary>
public static class StaffPasskeys
{
    public static void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<IdentityUserPasskey<string>>(b =>
        {
            b.HasKey(p => p.CredentialId);
            b.ToTable("AspNetUserPasskeys");
            b.Property(p => p.CredentialId).HasMaxLength(1024); // WebAuthn: at most 1023 bytes
            b.Property(p => p.UserId).HasMaxLength(FieldLengths.Key);
            b.OwnsOne(p => p.Data, d =>
            {
                d.ToJson();
                d.Property(x => x.Name).HasMaxLength(FieldLengths.Label);
            });
        });
        builder.Entity<StaffUser>().HasMany<IdentityUserPasskey<string>>().WithOne().HasForeignKey(p => p.UserId).IsRequired();
    }
}

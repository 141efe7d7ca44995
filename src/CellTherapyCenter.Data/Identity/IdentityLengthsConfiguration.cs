using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Identity;

// ASP.NET Core Identity bounds its names and emails (256) and leaves the rest unbounded: these give
// every other text column of its tables a length, so nothing unbounded reaches the database.

internal sealed class StaffUserLengthsConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(x => x.Id).HasMaxLength(FieldLengths.Key);
        b.Property(x => x.DisplayName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.PasswordHash).HasMaxLength(FieldLengths.UserName);
        b.Property(x => x.SecurityStamp).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.ConcurrencyStamp).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.PhoneNumber).HasMaxLength(FieldLengths.Phone);
    }
}

internal sealed class RoleLengthsConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> b)
    {
        b.Property(x => x.Id).HasMaxLength(FieldLengths.Key);
        b.Property(x => x.ConcurrencyStamp).HasMaxLength(FieldLengths.Code);
    }
}

internal sealed class UserRoleLengthsConfiguration : IEntityTypeConfiguration<IdentityUserRole<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> b)
    {
        b.Property(x => x.UserId).HasMaxLength(FieldLengths.Key);
        b.Property(x => x.RoleId).HasMaxLength(FieldLengths.Key);
    }
}

internal sealed class UserClaimLengthsConfiguration : IEntityTypeConfiguration<IdentityUserClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> b)
    {
        b.Property(x => x.UserId).HasMaxLength(FieldLengths.Key);
        b.Property(x => x.ClaimType).HasMaxLength(FieldLengths.UserName);
        b.Property(x => x.ClaimValue).HasMaxLength(FieldLengths.Note);
    }
}

internal sealed class RoleClaimLengthsConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> b)
    {
        b.Property(x => x.RoleId).HasMaxLength(FieldLengths.Key);
        b.Property(x => x.ClaimType).HasMaxLength(FieldLengths.UserName);
        b.Property(x => x.ClaimValue).HasMaxLength(FieldLengths.Note);
    }
}

internal sealed class UserLoginLengthsConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> b)
    {
        b.Property(x => x.UserId).HasMaxLength(FieldLengths.Key);
        b.Property(x => x.LoginProvider).HasMaxLength(FieldLengths.Label);
        b.Property(x => x.ProviderKey).HasMaxLength(FieldLengths.UserName);
        b.Property(x => x.ProviderDisplayName).HasMaxLength(FieldLengths.UserName);
    }
}

internal sealed class UserTokenLengthsConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> b)
    {
        b.Property(x => x.UserId).HasMaxLength(FieldLengths.Key);
        b.Property(x => x.LoginProvider).HasMaxLength(FieldLengths.Label);
        b.Property(x => x.Name).HasMaxLength(FieldLengths.Label);
        // An authenticator key or the recovery codes: a few hundred characters at most.
        b.Property(x => x.Value).HasMaxLength(FieldLengths.Note);
    }
}

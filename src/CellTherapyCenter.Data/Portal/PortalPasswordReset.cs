using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Portal;

/// <summary>
/// A portal password reset asked for by email. Only the SHA-256 of the link's token is kept (the
/// link itself is only in the email, encrypted while queued). A link works once (<see cref="UsedAt"/>)
/// and until <see cref="ExpiresAt"/>. A request for an address without a portal account writes a row
/// too, with no account and a token nobody was sent, so asking writes the same whatever the address.
/// </summary>
public class PortalPasswordReset
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The account whose password the link resets; null for an address without one.</summary>
    public Guid? PortalAccountId { get; set; }
    /// <summary>Hex SHA-256 of the link's token.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

internal sealed class PortalPasswordResetConfiguration : IEntityTypeConfiguration<PortalPasswordReset>
{
    public void Configure(EntityTypeBuilder<PortalPasswordReset> b)
    {
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.PortalAccountId);
        b.HasOne<PortalAccount>().WithMany().HasForeignKey(x => x.PortalAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

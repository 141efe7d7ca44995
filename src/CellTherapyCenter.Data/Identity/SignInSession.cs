using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Identity;

/// <summary>
/// One sign-in, staff or portal. The sign-in cookie carries only this row's id; every request
/// checks the row, so signing out (or a password change) ends the session on the server, not
/// just in the browser that signed out. Not a registry record: sign-ins and sign-outs are audited
/// through the audit log, and the last-seen time changes too often to audit.
/// </summary>
public sealed class SignInSession
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>When the password was accepted; the absolute lifetime counts from here, whatever renews the cookie.</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>The last request seen on this session, to the minute; the idle timeout counts from here.</summary>
    public DateTime LastSeenAt { get; set; }
    /// <summary>Set on sign-out, on a password change, or when an administrator ends the user's sessions.</summary>
    public DateTime? RevokedAt { get; set; }
    /// <summary>
    /// The browser's family ("Chrome", "Firefox") read from its User-Agent at sign-in, one of a fixed
    /// list, or null: shown in the user's list of their own sessions. No address is kept for this.
    /// </summary>
    public string? Browser { get; set; }
    /// <summary>The operating system's family ("Windows", "Android"), as <see cref="Browser"/>.</summary>
    public string? Platform { get; set; }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.ToTable("SignInSessions");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Browser).HasMaxLength(FieldLengths.Label);
        b.Property(x => x.Platform).HasMaxLength(FieldLengths.Label);
        b.HasIndex(x => x.UserId);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

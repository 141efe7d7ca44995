using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.Property(x => x.RemoteAddress).HasMaxLength(64);
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.PatientId);
        b.HasIndex(x => x.UserName);
        // The chain's order: one line per place, so two writers can never both link to one line.
        b.Property(x => x.Chain).HasMaxLength(64);
        b.HasIndex(x => x.ChainSeq).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.History;

internal sealed class RecordVersionConfiguration : IEntityTypeConfiguration<RecordVersion>
{
    public void Configure(EntityTypeBuilder<RecordVersion> b)
    {
        b.ToTable("RecordVersions");
        b.HasKey(x => x.Id);
        b.Property(x => x.EntityType).HasMaxLength(100);
        // A record's history (newest first) and a vread of one version are both one index range.
        b.HasIndex(x => new { x.EntityId, x.ValidTo });
        b.HasIndex(x => x.PatientId);
    }
}

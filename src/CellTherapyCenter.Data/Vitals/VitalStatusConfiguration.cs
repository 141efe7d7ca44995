using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Vitals;

internal sealed class VitalStatusConfiguration : IEntityTypeConfiguration<VitalStatus>
{
    public void Configure(EntityTypeBuilder<VitalStatus> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => x.PatientId).IsUnique();
        b.Property(x => x.CauseOfDeath).HasMaxLength(FieldLengths.Reason);
    }
}

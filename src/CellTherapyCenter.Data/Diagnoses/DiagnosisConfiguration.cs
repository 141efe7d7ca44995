using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Diagnoses;

internal sealed class DiagnosisConfiguration : IEntityTypeConfiguration<Diagnosis>
{
    public void Configure(EntityTypeBuilder<Diagnosis> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => x.PatientId).IsUnique();
        b.Property(x => x.OtherGenetics).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.OtherAlsDrugs).HasMaxLength(FieldLengths.Reason);
    }
}

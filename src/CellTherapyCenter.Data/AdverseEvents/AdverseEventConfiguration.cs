using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.AdverseEvents;

internal sealed class AdverseEventConfiguration : IEntityTypeConfiguration<AdverseEvent>
{
    public void Configure(EntityTypeBuilder<AdverseEvent> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => x.PatientId);
        b.Property(x => x.Term).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.Description).HasMaxLength(FieldLengths.Note);
    }
}

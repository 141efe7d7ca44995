using CellTherapyCenter.Data.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Privacy;

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> b)
    {
        b.ConfigureRecord();
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.PseudonymisedBy).HasMaxLength(256);
        b.Ignore(x => x.IsPseudonymised);
        // One live request per patient; "is this patient restricted?" is a look-up of this index.
        b.HasIndex(x => x.PatientId).IsUnique().HasFilter("\"VoidedAt\" IS NULL");
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

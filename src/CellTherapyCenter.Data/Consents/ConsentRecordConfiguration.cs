using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Consents;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> b)
    {
        b.ConfigureRecord();
        b.Property(x => x.Wording).HasMaxLength(FieldLengths.Note);
        b.Ignore(x => x.IsInForce);
    }
}

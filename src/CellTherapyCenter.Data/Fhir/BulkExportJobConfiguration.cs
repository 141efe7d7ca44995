using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Fhir;

internal sealed class BulkExportJobConfiguration : IEntityTypeConfiguration<BulkExportJob>
{
    /// <summary>The output list: about 100 characters a file, so room for thousands of files.</summary>
    public const int OutputsLength = 500_000;

    public void Configure(EntityTypeBuilder<BulkExportJob> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.ClientId).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.ClientName).HasMaxLength(FieldLengths.UserName);
        b.Property(x => x.Request).HasMaxLength(FieldLengths.Url);
        b.Property(x => x.GroupId).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Types).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.CompletedTypes).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.Outputs).HasMaxLength(OutputsLength);
        b.Property(x => x.Failure).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.LeaseOwner).HasMaxLength(FieldLengths.Code);
        // The worker's question: which jobs may be claimed (queued, or running with a lease run out).
        b.HasIndex(x => x.State);
        b.HasIndex(x => x.ExpiresAt);
    }
}

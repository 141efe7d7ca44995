using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data;

internal static class RecordConfiguration
{
    public static void ConfigureRecord<T>(this EntityTypeBuilder<T> b) where T : RegistryRecord
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(x => x.VoidReason).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.VoidedBy).HasMaxLength(FieldLengths.UserName);
        b.Ignore(x => x.IsVoided);
        b.Ignore(x => x.AuditPatientId);
    }
}

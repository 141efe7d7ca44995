using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Email;

internal sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public const int KindLength = 64;
    public const int SubjectLength = 300;
    public const int AddressLength = 320;
    public const int NameLength = 200;

    public void Configure(EntityTypeBuilder<OutboundEmail> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.ToAddress).HasMaxLength(AddressLength);
        b.Property(x => x.ToName).HasMaxLength(NameLength);
        b.Property(x => x.Subject).HasMaxLength(SubjectLength);
        b.Property(x => x.Kind).HasMaxLength(KindLength);
        b.Property(x => x.LastError).HasMaxLength(200);
        b.Property(x => x.TextBody).HasMaxLength(FieldLengths.EmailBody);
        b.Property(x => x.HtmlBody).HasMaxLength(FieldLengths.EmailBody);
        // The dispatcher's question: what is still to send, by due time. Partial, so sent mail does not grow it.
        b.HasIndex(x => x.NextAttemptAt).HasDatabaseName("IX_OutboundEmails_Due")
            .HasFilter("\"SentAt\" IS NULL AND \"FailedAt\" IS NULL");
        b.HasIndex(x => x.CreatedAt);
    }
}

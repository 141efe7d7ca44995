using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Inquiries;

internal sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public const int NameLength = FieldLengths.PersonName;
    public const int MessageLength = FieldLengths.Note;

    public void Configure(EntityTypeBuilder<Inquiry> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Reference).HasMaxLength(16);
        b.HasIndex(x => x.Reference).IsUnique();
        b.Property(x => x.Name).HasMaxLength(NameLength);
        b.Property(x => x.PatientName).HasMaxLength(NameLength);
        b.Property(x => x.Email).HasMaxLength(FieldLengths.Email);
        b.Property(x => x.Phone).HasMaxLength(FieldLengths.Phone);
        b.Property(x => x.Country).HasMaxLength(FieldLengths.CountryCode);
        b.Property(x => x.PreferredLanguage).HasMaxLength(FieldLengths.LanguageTag);
        b.Property(x => x.Symptoms).HasMaxLength(400);
        b.Property(x => x.AlsfrsRAnswers).HasMaxLength(40);
        b.Property(x => x.Message).HasMaxLength(MessageLength);
        b.Property(x => x.ConsentWording).HasMaxLength(FieldLengths.Note);
        b.Property(x => x.AssigneeUserName).HasMaxLength(FieldLengths.UserName);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(x => new { x.Status, x.SubmittedAt });
        b.HasMany(x => x.Documents).WithOne().HasForeignKey(d => d.InquiryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.InquiryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InquiryDocumentConfiguration : IEntityTypeConfiguration<InquiryDocument>
{
    public void Configure(EntityTypeBuilder<InquiryDocument> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}

internal sealed class HeldInquiryDocumentConfiguration : IEntityTypeConfiguration<HeldInquiryDocument>
{
    public void Configure(EntityTypeBuilder<HeldInquiryDocument> b)
    {
        b.ToTable("HeldInquiryDocuments");
        b.HasKey(x => x.Id);
        b.Property(x => x.TokenHash).HasMaxLength(FieldLengths.Code);
        b.HasIndex(x => x.TokenHash);
        b.HasIndex(x => x.HeldUntil);
        b.Property(x => x.OriginalName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}

internal sealed class InquiryNoteConfiguration : IEntityTypeConfiguration<InquiryNote>
{
    public void Configure(EntityTypeBuilder<InquiryNote> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Author).HasMaxLength(FieldLengths.UserName);
        b.Property(x => x.Text).HasMaxLength(FieldLengths.Note);
    }
}

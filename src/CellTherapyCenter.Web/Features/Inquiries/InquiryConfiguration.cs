using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Inquiries;

internal static class InquiryConfiguration
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<Inquiry>(b =>
        {
            b.HasKey(x => x.Id);
            b.Property(x => x.Reference).HasMaxLength(16);
            b.HasIndex(x => x.Reference).IsUnique();
            b.Property(x => x.Name).HasMaxLength(InquiryInput.NameLength);
            b.Property(x => x.Email).HasMaxLength(320);
            b.Property(x => x.Phone).HasMaxLength(16);
            b.Property(x => x.Country).HasMaxLength(2);
            b.Property(x => x.PreferredLanguage).HasMaxLength(35);
            b.Property(x => x.Symptoms).HasMaxLength(400);
            b.Property(x => x.AlsfrsRAnswers).HasMaxLength(40);
            b.Property(x => x.Message).HasMaxLength(InquiryInput.MessageLength);
            b.Property(x => x.AssigneeUserName).HasMaxLength(256);
            b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            b.HasIndex(x => new { x.Status, x.SubmittedAt });
            b.HasMany(x => x.Documents).WithOne().HasForeignKey(d => d.InquiryId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.InquiryId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<InquiryDocument>(b =>
        {
            b.HasKey(x => x.Id);
            b.Property(x => x.FileName).HasMaxLength(255);
            b.Property(x => x.ContentType).HasMaxLength(100);
            b.Property(x => x.Sha256).HasMaxLength(64);
        });
        builder.Entity<InquiryNote>(b =>
        {
            b.HasKey(x => x.Id);
            b.Property(x => x.Author).HasMaxLength(256);
            b.Property(x => x.Text).HasMaxLength(4000);
        });
    }
}

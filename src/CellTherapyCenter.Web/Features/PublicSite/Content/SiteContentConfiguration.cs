using CellTherapyCenter.Web.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.PublicSite.Content;

internal static class SiteContentConfiguration
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<SitePage>(b =>
        {
            Common(b);
            b.Property(x => x.Slug).HasMaxLength(64);
            b.Property(x => x.Language).HasMaxLength(16);
            b.HasIndex(x => new { x.Slug, x.Language }).IsUnique();
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Summary).HasMaxLength(500);
        });
        builder.Entity<PatientCase>(b =>
        {
            Common(b);
            b.Property(x => x.Slug).HasMaxLength(64);
            b.HasIndex(x => x.Slug).IsUnique();
            b.Property(x => x.Initials).HasMaxLength(20);
            b.Property(x => x.ClinicalPicture).HasMaxLength(300);
            b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Publication>(b =>
        {
            Common(b);
            b.Property(x => x.Title).HasMaxLength(300);
            b.Property(x => x.Language).HasMaxLength(35);
            b.Property(x => x.ContentType).HasMaxLength(100);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.HasOne(x => x.File).WithOne().HasForeignKey<PublicationFile>(f => f.PublicationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PublicationFile>(b => b.HasKey(x => x.PublicationId));
        builder.Entity<Patent>(b =>
        {
            Common(b);
            b.Property(x => x.Number).HasMaxLength(50);
            b.Property(x => x.Title).HasMaxLength(300);
            b.Property(x => x.Url).HasMaxLength(500);
        });
    }

    private static void Common<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> b) where T : SiteContentRecord
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}

using CellTherapyCenter.Data.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.PublicSite;

internal static class SiteContentRecordConfiguration
{
    public static void ConfigureContent<T>(this EntityTypeBuilder<T> b) where T : SiteContentRecord
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}

internal sealed class SitePageConfiguration : IEntityTypeConfiguration<SitePage>
{
    public void Configure(EntityTypeBuilder<SitePage> b)
    {
        b.ConfigureContent();
        b.Property(x => x.Slug).HasMaxLength(64);
        b.Property(x => x.Language).HasMaxLength(16);
        b.HasIndex(x => new { x.Slug, x.Language }).IsUnique();
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(500);
    }
}

internal sealed class PatientCaseConfiguration : IEntityTypeConfiguration<PatientCase>
{
    public void Configure(EntityTypeBuilder<PatientCase> b)
    {
        b.ConfigureContent();
        b.Property(x => x.Slug).HasMaxLength(64);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Initials).HasMaxLength(20);
        b.Property(x => x.ClinicalPicture).HasMaxLength(300);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.ConfigureContent();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Language).HasMaxLength(35);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.HasOne(x => x.File).WithOne().HasForeignKey<PublicationFile>(f => f.PublicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublicationFileConfiguration : IEntityTypeConfiguration<PublicationFile>
{
    public void Configure(EntityTypeBuilder<PublicationFile> b) => b.HasKey(x => x.PublicationId);
}

internal sealed class PatentConfiguration : IEntityTypeConfiguration<Patent>
{
    public void Configure(EntityTypeBuilder<Patent> b)
    {
        b.ConfigureContent();
        b.Property(x => x.Number).HasMaxLength(50);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Url).HasMaxLength(500);
    }
}

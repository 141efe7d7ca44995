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
        b.Property(x => x.UpdatedBy).HasMaxLength(FieldLengths.UserName);
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
        b.Property(x => x.Title).HasMaxLength(FieldLengths.PageTitle);
        b.Property(x => x.Summary).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.BodyMarkdown).HasMaxLength(FieldLengths.LongText);
    }
}

internal sealed class PatientCaseConfiguration : IEntityTypeConfiguration<PatientCase>
{
    public void Configure(EntityTypeBuilder<PatientCase> b)
    {
        b.ConfigureContent();
        b.Property(x => x.Slug).HasMaxLength(64);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Initials).HasMaxLength(FieldLengths.Initials);
        b.Property(x => x.ClinicalPicture).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.BodyMarkdown).HasMaxLength(FieldLengths.LongText);
        b.Property(x => x.Language).HasMaxLength(FieldLengths.LanguageTag);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.ConfigureContent();
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.Description).HasMaxLength(FieldLengths.Note);
        b.Property(x => x.Language).HasMaxLength(FieldLengths.LanguageTag);
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
        b.Property(x => x.Number).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Title).HasMaxLength(FieldLengths.Title);
        b.Property(x => x.Url).HasMaxLength(FieldLengths.Url);
        b.Property(x => x.Language).HasMaxLength(FieldLengths.LanguageTag);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.ConfigureContent();
        b.Property(x => x.Name).HasMaxLength(FieldLengths.PersonName);
        b.HasMany(x => x.Texts).WithOne().HasForeignKey(t => t.TeamMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Photo).WithOne().HasForeignKey<TeamPhoto>(p => p.TeamMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberTextConfiguration : IEntityTypeConfiguration<TeamMemberText>
{
    public void Configure(EntityTypeBuilder<TeamMemberText> b)
    {
        b.HasKey(x => new { x.TeamMemberId, x.Language });
        b.Property(x => x.Language).HasMaxLength(FieldLengths.SiteLanguage);
        b.Property(x => x.Role).HasMaxLength(FieldLengths.Label);
        b.Property(x => x.Biography).HasMaxLength(FieldLengths.ShortNote);
        b.Property(x => x.PhotoAlt).HasMaxLength(FieldLengths.Reason);
    }
}

internal sealed class TeamPhotoConfiguration : IEntityTypeConfiguration<TeamPhoto>
{
    public void Configure(EntityTypeBuilder<TeamPhoto> b) => b.HasKey(x => x.TeamMemberId);
}

using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Portal;

internal sealed class PortalAccountConfiguration : IEntityTypeConfiguration<PortalAccount>
{
    public void Configure(EntityTypeBuilder<PortalAccount> b)
    {
        b.ConfigureRecord();
        b.Property(x => x.DisplayName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Email).HasMaxLength(FieldLengths.UserName);
        b.Property(x => x.Language).HasMaxLength(FieldLengths.SiteLanguage);
        b.Property(x => x.InvitationTokenHash).HasMaxLength(64);
        b.Property(x => x.InvitedBy).HasMaxLength(FieldLengths.UserName);
        b.Property(x => x.UserId).HasMaxLength(FieldLengths.Key);
        // One live account per sign-in: the account, not the request, decides which patient is shown.
        b.HasIndex(x => x.UserId).IsUnique().HasFilter("\"UserId\" IS NOT NULL AND \"VoidedAt\" IS NULL");
        b.HasIndex(x => x.InvitationTokenHash).IsUnique().HasFilter("\"InvitationTokenHash\" IS NOT NULL");
        b.HasIndex(x => x.PatientId);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PortalQuestionnaireConfiguration : IEntityTypeConfiguration<PortalQuestionnaire>
{
    public void Configure(EntityTypeBuilder<PortalQuestionnaire> b)
    {
        b.ConfigureRecord();
        b.Property(x => x.Answers).HasMaxLength(FieldLengths.Note);
        b.HasIndex(x => new { x.PatientId, x.Kind, x.SentAt });
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PortalAccount>().WithMany().HasForeignKey(x => x.PortalAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TreatmentCourse>().WithMany().HasForeignKey(x => x.TreatmentCourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.FollowUp;

internal sealed class FollowUpItemConfiguration : IEntityTypeConfiguration<FollowUpItem>
{
    public const int LabelLength = FieldLengths.Label;
    public const int ReasonLength = FieldLengths.Reason;
    public const string OpenFilter = "\"Status\" = 1 AND \"VoidedAt\" IS NULL";

    public void Configure(EntityTypeBuilder<FollowUpItem> b)
    {
        b.ConfigureRecord();
        b.Property(x => x.Label).HasMaxLength(LabelLength);
        b.Property(x => x.RescheduleReason).HasMaxLength(ReasonLength);
        b.Property(x => x.MissedReason).HasMaxLength(ReasonLength);
        // One live item per course, kind and slot: generating twice (two saves racing) cannot double a schedule.
        b.HasIndex(x => new { x.TreatmentCourseId, x.Kind, x.Slot }).IsUnique()
            .HasDatabaseName("IX_FollowUpItems_Slot").HasFilter("\"VoidedAt\" IS NULL");
        // The scheduler and the worklist ask for open items by window; partial, so completed
        // history does not grow the index they read.
        b.HasIndex(x => new { x.WindowStart, x.WindowEnd }).HasDatabaseName("IX_FollowUpItems_Open").HasFilter(OpenFilter);
        b.HasIndex(x => x.PatientId);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TreatmentCourse>().WithMany().HasForeignKey(x => x.TreatmentCourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PatientFollowUpConfiguration : IEntityTypeConfiguration<PatientFollowUp>
{
    public void Configure(EntityTypeBuilder<PatientFollowUp> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => x.PatientId).IsUnique();
        b.Property(x => x.RepeatCourseNote).HasMaxLength(FollowUpItemConfiguration.ReasonLength);
        b.Property(x => x.RepeatCourseRecommendedBy).HasMaxLength(FieldLengths.UserName);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpReminderConfiguration : IEntityTypeConfiguration<FollowUpReminder>
{
    public void Configure(EntityTypeBuilder<FollowUpReminder> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(64);
        // Exactly once per item and kind, enforced by the database: a second scheduler (or the
        // same one after a restart) that tries again fails its insert and rolls its batch back.
        b.HasIndex(x => new { x.FollowUpItemId, x.Kind }).IsUnique();
        b.HasIndex(x => x.PatientId);
        b.HasOne<FollowUpItem>().WithMany().HasForeignKey(x => x.FollowUpItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpAlertConfiguration : IEntityTypeConfiguration<FollowUpAlert>
{
    public void Configure(EntityTypeBuilder<FollowUpAlert> b)
    {
        b.ConfigureRecord();
        b.Property(x => x.Reason).HasMaxLength(FollowUpItemConfiguration.ReasonLength);
        b.Property(x => x.AcknowledgedBy).HasMaxLength(FieldLengths.UserName);
        b.HasIndex(x => x.AssessmentId).IsUnique();
        b.HasIndex(x => x.PatientId);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpCursorConfiguration : IEntityTypeConfiguration<FollowUpCursor>
{
    public void Configure(EntityTypeBuilder<FollowUpCursor> b)
    {
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(64);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Cohorts;

internal sealed class ExternalCohortConfiguration : IEntityTypeConfiguration<ExternalCohort>
{
    public void Configure(EntityTypeBuilder<ExternalCohort> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(FieldLengths.Label);
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Source).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.ImportedBy).HasMaxLength(FieldLengths.UserName);
        b.Property(x => x.Fingerprint).HasMaxLength(FieldLengths.Code);
    }
}

internal sealed class ExternalCohortSubjectConfiguration : IEntityTypeConfiguration<ExternalCohortSubject>
{
    public void Configure(EntityTypeBuilder<ExternalCohortSubject> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<ExternalCohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.SubjectId).HasMaxLength(FieldLengths.Code);
        b.HasIndex(x => new { x.CohortId, x.SubjectId }).IsUnique();
        b.Property(x => x.SiteOfOnset).HasMaxLength(FieldLengths.Label);
    }
}

internal sealed class ExternalCohortAlsfrsConfiguration : IEntityTypeConfiguration<ExternalCohortAlsfrs>
{
    public void Configure(EntityTypeBuilder<ExternalCohortAlsfrs> b)
    {
        b.HasKey(x => x.Id);
        // The cohort key beside the subject's lets a whole cohort be read or replaced with one condition.
        b.HasOne<ExternalCohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ExternalCohortSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(x => new { x.SubjectId, x.AssessedOn });
        b.Property(x => x.Mode).HasMaxLength(FieldLengths.Label);
        b.Property(x => x.RespondedBy).HasMaxLength(FieldLengths.Label);
    }
}

internal sealed class ExternalCohortFvcConfiguration : IEntityTypeConfiguration<ExternalCohortFvc>
{
    public void Configure(EntityTypeBuilder<ExternalCohortFvc> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<ExternalCohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ExternalCohortSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(x => new { x.SubjectId, x.MeasuredOn });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Visits;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => new { x.PatientId, x.Date });
        // The claims audit reads every visit in patient order, and each visit's reported changes
        // and examination findings grouped by patient and visit: partial, covering indexes let PostgreSQL
        // answer all three from the indexes alone, already in order (a quarter of the CPU time of
        // scanning the tables and sorting or hashing). SQLite keeps them without the included columns.
        b.HasIndex(x => new { x.PatientId, x.Date }, "IX_Visits_ClaimsFacts")
            .HasFilter("\"VoidedAt\" IS NULL")
            .IncludeProperties(x => new { x.Id, x.FvcPercentPredicted });
        b.Property(x => x.Notes).HasMaxLength(FieldLengths.Note);
        b.Property(x => x.RangeWarningReason).HasMaxLength(FieldLengths.ShortNote);
        b.HasOne(x => x.TreatmentCourse).WithMany().HasForeignKey(x => x.TreatmentCourseId);
        b.HasMany(x => x.Symptoms).WithOne().HasForeignKey(x => x.VisitId);
        b.HasMany(x => x.ExaminationFindings).WithOne().HasForeignKey(x => x.VisitId);
        b.HasMany(x => x.ReportedChanges).WithOne().HasForeignKey(x => x.VisitId);
    }
}

internal sealed class SymptomObservationConfiguration : IEntityTypeConfiguration<SymptomObservation>
{
    public void Configure(EntityTypeBuilder<SymptomObservation> b) { b.ConfigureRecord(); b.HasIndex(x => x.PatientId); }
}

internal sealed class ExaminationFindingConfiguration : IEntityTypeConfiguration<ExaminationFinding>
{
    public void Configure(EntityTypeBuilder<ExaminationFinding> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => x.PatientId);
        b.HasIndex(x => new { x.PatientId, x.VisitId }, "IX_ExaminationFindings_ClaimsFacts").HasFilter("\"VoidedAt\" IS NULL").IncludeProperties(x => x.Change);
        b.Property(x => x.Note).HasMaxLength(FieldLengths.ShortNote);
    }
}

internal sealed class PatientReportedChangeConfiguration : IEntityTypeConfiguration<PatientReportedChange>
{
    public void Configure(EntityTypeBuilder<PatientReportedChange> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => x.PatientId);
        b.HasIndex(x => new { x.PatientId, x.VisitId }, "IX_PatientReportedChanges_ClaimsFacts").HasFilter("\"VoidedAt\" IS NULL").IncludeProperties(x => new { x.Aspect, x.Rating });
    }
}

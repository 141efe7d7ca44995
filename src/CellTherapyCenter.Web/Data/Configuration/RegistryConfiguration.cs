using CellTherapyCenter.Web.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Web.Data.Configuration;

internal static class RecordConfiguration
{
    public static void ConfigureRecord<T>(this EntityTypeBuilder<T> b) where T : RegistryRecord
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(x => x.VoidReason).HasMaxLength(500);
        b.Property(x => x.VoidedBy).HasMaxLength(256);
        b.Ignore(x => x.IsVoided);
        b.Ignore(x => x.AuditPatientId);
    }
}

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> b)
    {
        b.ConfigureRecord();
        b.Property(x => x.FamilyName).HasMaxLength(200);
        b.Property(x => x.GivenName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.Country).HasMaxLength(2);
        b.Property(x => x.PreferredLanguage).HasMaxLength(35);
        b.Property(x => x.Pseudonym).HasMaxLength(20);
        b.Property(x => x.CurrentKingsStage).HasMaxLength(2);
        b.HasIndex(x => x.Pseudonym).IsUnique();
        b.HasIndex(x => new { x.FamilyName, x.GivenName });
        b.HasIndex(x => x.CurrentKingsStage);
        // The patient list: filter by stage and vital state, order by name, page. Partial on
        // live records so that count and page are read from the index alone.
        b.HasIndex(x => new { x.CurrentKingsStage, x.VitalState, x.FamilyName, x.GivenName, x.Id })
            .HasDatabaseName("IX_Patients_List").HasFilter("\"VoidedAt\" IS NULL");
        b.HasIndex(x => x.LastVisitOn);
        b.HasOne(x => x.Diagnosis).WithOne(x => x.Patient).HasForeignKey<Diagnosis>(x => x.PatientId);
        b.HasOne(x => x.VitalStatus).WithOne(x => x.Patient).HasForeignKey<VitalStatus>(x => x.PatientId);
        b.HasMany(x => x.Consents).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
        b.HasMany(x => x.Visits).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
        b.HasMany(x => x.AlsfrsRAssessments).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
        b.HasMany(x => x.TreatmentCourses).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
        b.HasMany(x => x.AdverseEvents).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> b)
    {
        b.ConfigureRecord();
        b.Property(x => x.Wording).HasMaxLength(4000);
        b.Ignore(x => x.IsInForce);
    }
}

internal sealed class DiagnosisConfiguration : IEntityTypeConfiguration<Diagnosis>
{
    public void Configure(EntityTypeBuilder<Diagnosis> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => x.PatientId).IsUnique();
        b.Property(x => x.OtherGenetics).HasMaxLength(500);
        b.Property(x => x.OtherAlsDrugs).HasMaxLength(500);
    }
}

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
        b.Property(x => x.Notes).HasMaxLength(4000);
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
        b.Property(x => x.Note).HasMaxLength(1000);
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

internal sealed class AlsfrsRAssessmentConfiguration : IEntityTypeConfiguration<AlsfrsRAssessment>
{
    public void Configure(EntityTypeBuilder<AlsfrsRAssessment> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => new { x.PatientId, x.AssessedOn });
        // The claims audit reads every scored assessment in patient order: a partial, covering
        // index lets PostgreSQL answer from the index alone, already ordered (a third of the
        // table's pages). SQLite keeps the partial index without the included columns.
        b.HasIndex(x => new { x.PatientId, x.AssessedOn }, "IX_AlsfrsRAssessments_Scores")
            .HasFilter("\"VoidedAt\" IS NULL AND \"Total\" IS NOT NULL")
            .IncludeProperties(x => new { x.Total, x.KingsStage, x.VisitId });
        b.HasIndex(x => x.VisitId);
        b.Property(x => x.KingsStage).HasMaxLength(2);
    }
}

internal sealed class TreatmentCourseConfiguration : IEntityTypeConfiguration<TreatmentCourse>
{
    public void Configure(EntityTypeBuilder<TreatmentCourse> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => new { x.PatientId, x.Number });
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.HasMany(x => x.Transplantations).WithOne(x => x.TreatmentCourse).HasForeignKey(x => x.TreatmentCourseId);
    }
}

internal sealed class TransplantationConfiguration : IEntityTypeConfiguration<Transplantation>
{
    public void Configure(EntityTypeBuilder<Transplantation> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => x.PatientId);
        b.Property(x => x.CellProductLot).HasMaxLength(100);
        b.Property(x => x.VolumeMl).HasPrecision(7, 2);
    }
}

internal sealed class AdverseEventConfiguration : IEntityTypeConfiguration<AdverseEvent>
{
    public void Configure(EntityTypeBuilder<AdverseEvent> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => x.PatientId);
        b.Property(x => x.Term).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(4000);
    }
}

internal sealed class VitalStatusConfiguration : IEntityTypeConfiguration<VitalStatus>
{
    public void Configure(EntityTypeBuilder<VitalStatus> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => x.PatientId).IsUnique();
        b.Property(x => x.CauseOfDeath).HasMaxLength(500);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.Property(x => x.RemoteAddress).HasMaxLength(64);
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.PatientId);
        b.HasIndex(x => x.UserName);
    }
}

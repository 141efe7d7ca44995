using CellTherapyCenter.Data.AdverseEvents;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Diagnoses;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Data.Vitals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Patients;

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
        b.HasIndex(x => x.Pseudonym).IsUnique();
        b.HasIndex(x => new { x.FamilyName, x.GivenName });
        b.HasIndex(x => x.CurrentKingsStage);
        // The patient list: filter by stage and vital state, order by name, page. Partial on
        // live records so that count and page are read from the index alone.
        b.HasIndex(x => new { x.CurrentKingsStage, x.VitalState, x.FamilyName, x.GivenName, x.Id })
            .HasDatabaseName("IX_Patients_List").HasFilter("\"VoidedAt\" IS NULL");
        b.HasIndex(x => x.LastVisitOn);
        // Searched with LIKE '%word%': on PostgreSQL through a pg_trgm GIN index that the
        // PatientSearch migration creates by hand (the model has no provider-neutral way to say
        // it); SQLite scans the column.
        b.Property(x => x.SearchText);
        b.HasOne(x => x.Diagnosis).WithOne(x => x.Patient).HasForeignKey<Diagnosis>(x => x.PatientId);
        b.HasOne(x => x.VitalStatus).WithOne(x => x.Patient).HasForeignKey<VitalStatus>(x => x.PatientId);
        b.HasMany(x => x.Consents).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
        b.HasMany(x => x.Visits).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
        b.HasMany(x => x.AlsfrsRAssessments).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
        b.HasMany(x => x.TreatmentCourses).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
        b.HasMany(x => x.AdverseEvents).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
    }
}

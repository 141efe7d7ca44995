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
        b.Property(x => x.FamilyName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.GivenName).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Email).HasMaxLength(FieldLengths.Email);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Address).HasMaxLength(FieldLengths.PostalAddress);
        b.Property(x => x.Country).HasMaxLength(FieldLengths.CountryCode);
        b.Property(x => x.PreferredLanguage).HasMaxLength(FieldLengths.LanguageTag);
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
        b.Property(x => x.SearchText).HasMaxLength(FieldLengths.SearchText);
        b.HasOne(x => x.Diagnosis).WithOne(x => x.Patient).HasForeignKey<Diagnosis>(x => x.PatientId);
        b.HasOne(x => x.VitalStatus).WithOne(x => x.Patient).HasForeignKey<VitalStatus>(x => x.PatientId);
        b.HasMany(x => x.Consents).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
        b.HasMany(x => x.Visits).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
        b.HasMany(x => x.AlsfrsRAssessments).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
        b.HasMany(x => x.TreatmentCourses).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
        b.HasMany(x => x.AdverseEvents).WithOne(x => x.Patient).HasForeignKey(x => x.PatientId);
    }
}

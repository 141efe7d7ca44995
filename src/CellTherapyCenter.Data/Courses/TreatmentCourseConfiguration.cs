using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Courses;

internal sealed class TreatmentCourseConfiguration : IEntityTypeConfiguration<TreatmentCourse>
{
    public void Configure(EntityTypeBuilder<TreatmentCourse> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => new { x.PatientId, x.Number });
        b.Property(x => x.Notes).HasMaxLength(FieldLengths.Note);
        b.HasMany(x => x.Transplantations).WithOne(x => x.TreatmentCourse).HasForeignKey(x => x.TreatmentCourseId);
    }
}

internal sealed class TransplantationConfiguration : IEntityTypeConfiguration<Transplantation>
{
    public void Configure(EntityTypeBuilder<Transplantation> b)
    {
        b.ConfigureRecord();
        b.HasIndex(x => x.PatientId);
        b.Property(x => x.CellProductLot).HasMaxLength(FieldLengths.Label);
        b.Property(x => x.VolumeMl).HasPrecision(7, 2);
    }
}

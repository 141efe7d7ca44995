using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Fhir;

internal sealed class FhirClientConfiguration : IEntityTypeConfiguration<FhirClient>
{
    public void Configure(EntityTypeBuilder<FhirClient> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.ClientId).HasMaxLength(FieldLengths.Code);
        b.HasIndex(x => x.ClientId).IsUnique();
        b.Property(x => x.Name).HasMaxLength(FieldLengths.PersonName);
        b.Property(x => x.Role).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Scopes).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.CreatedBy).HasMaxLength(FieldLengths.UserName);
        b.Property(x => x.WithdrawnBy).HasMaxLength(FieldLengths.UserName);
        b.Ignore(x => x.IsWithdrawn);
    }
}

internal sealed class FhirAssertionUseConfiguration : IEntityTypeConfiguration<FhirAssertionUse>
{
    public void Configure(EntityTypeBuilder<FhirAssertionUse> b)
    {
        b.HasKey(x => new { x.ClientId, x.Jti });
        b.Property(x => x.ClientId).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.Jti).HasMaxLength(FieldLengths.Reason);
        b.HasIndex(x => x.ExpiresAt);
    }
}

internal sealed class FhirSubmissionConfiguration : IEntityTypeConfiguration<FhirSubmission>
{
    public void Configure(EntityTypeBuilder<FhirSubmission> b)
    {
        b.ToTable("FhirSubmissions");
        b.HasKey(x => x.AssessmentId);
        b.HasOne(x => x.Assessment).WithOne().HasForeignKey<FhirSubmission>(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.ClientId).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.ResourceType).HasMaxLength(FieldLengths.Code);
        b.Property(x => x.IdentifierSystem).HasMaxLength(FieldLengths.Reason);
        b.Property(x => x.IdentifierValue).HasMaxLength(FieldLengths.Key);
        b.HasIndex(x => x.IdentifierValue);
        b.Property(x => x.ConditionKey).HasMaxLength(FieldLengths.Code);
        b.HasIndex(x => x.ConditionKey).IsUnique();
    }
}

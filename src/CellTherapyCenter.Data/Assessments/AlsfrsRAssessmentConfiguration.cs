using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Assessments;

internal sealed class AlsfrsRAssessmentConfiguration : IEntityTypeConfiguration<AlsfrsRAssessment>
{
    public void Configure(EntityTypeBuilder<AlsfrsRAssessment> b)
    {
        b.ConfigureRecord();
        // One column per item under the item's own name (EF Core would prefix "Responses_"): the
        // raw readers, the exports and the schema reference all name the columns so.
        b.ComplexProperty(x => x.Responses, r =>
        {
            foreach (var item in r.Metadata.ComplexType.GetDeclaredProperties())
                item.SetColumnName(item.Name);
        });
        b.HasIndex(x => new { x.PatientId, x.AssessedOn });
        // The claims audit reads every scored assessment in patient order: a partial, covering
        // index lets PostgreSQL answer from the index alone, already ordered (a third of the
        // table's pages). SQLite keeps the partial index without the included columns.
        b.HasIndex(x => new { x.PatientId, x.AssessedOn }, "IX_AlsfrsRAssessments_Scores")
            .HasFilter("\"VoidedAt\" IS NULL AND \"Total\" IS NOT NULL")
            .IncludeProperties(x => new { x.Total, x.KingsStage, x.VisitId });
        b.HasIndex(x => x.VisitId);
        // The follow-up alert check reads the self-reports saved since its last pass: a small
        // partial index instead of scanning every clinic-rated assessment each time.
        b.HasIndex(x => x.CreatedAt).HasDatabaseName("IX_AlsfrsRAssessments_SelfReports")
            .HasFilter("\"Rater\" IN (2, 3) AND \"VoidedAt\" IS NULL");
    }
}

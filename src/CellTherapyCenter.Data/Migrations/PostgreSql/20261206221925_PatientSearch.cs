using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PatientSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Patients",
                type: "text",
                nullable: false,
                defaultValue: "");

            // Written by hand: the model cannot state a provider-specific index. Trigrams let
            // LIKE '%petro%' use the index; partial on live records, as the list reads them.
            // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
            // Existing rows get their search text at start-up (PatientSearchBackfill).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql(
                "CREATE INDEX \"IX_Patients_SearchText_Trigram\" ON \"Patients\" USING gin (\"SearchText\" gin_trgm_ops) WHERE \"VoidedAt\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Patients_SearchText_Trigram\";");
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Patients");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimsFactsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Visits_ClaimsFacts",
                table: "Visits",
                columns: new[] { "PatientId", "Date" },
                filter: "\"VoidedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PatientReportedChanges_ClaimsFacts",
                table: "PatientReportedChanges",
                columns: new[] { "PatientId", "VisitId" },
                filter: "\"VoidedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ExaminationFindings_ClaimsFacts",
                table: "ExaminationFindings",
                columns: new[] { "PatientId", "VisitId" },
                filter: "\"VoidedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_ClaimsFacts",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_PatientReportedChanges_ClaimsFacts",
                table: "PatientReportedChanges");

            migrationBuilder.DropIndex(
                name: "IX_ExaminationFindings_ClaimsFacts",
                table: "ExaminationFindings");
        }
    }
}

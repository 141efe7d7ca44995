using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimsAuditScoresIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AlsfrsRAssessments_Scores",
                table: "AlsfrsRAssessments",
                columns: new[] { "PatientId", "AssessedOn" },
                filter: "\"VoidedAt\" IS NULL AND \"Total\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AlsfrsRAssessments_Scores",
                table: "AlsfrsRAssessments");
        }
    }
}

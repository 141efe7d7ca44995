using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MissingValuesAndFormStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Records stored before form status existed were entered by staff and not checked:
            // unverified (FormStatus 1), except assessments with unanswered items, incomplete (0).
            migrationBuilder.AddColumn<int>(
                name: "FvcPercentPredictedMissing",
                table: "Visits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RangeWarningReason",
                table: "Visits",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Visits",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "WeightKgMissing",
                table: "Visits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "AlsfrsRAssessments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.Sql("UPDATE \"AlsfrsRAssessments\" SET \"Status\" = 0 WHERE \"IsComplete\" = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FvcPercentPredictedMissing",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "RangeWarningReason",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "WeightKgMissing",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "AlsfrsRAssessments");
        }
    }
}

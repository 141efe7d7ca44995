using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.PostgreSql
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RangeWarningReason",
                table: "Visits",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Visits",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "WeightKgMissing",
                table: "Visits",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "AlsfrsRAssessments",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.Sql("UPDATE \"AlsfrsRAssessments\" SET \"Status\" = 0 WHERE NOT \"IsComplete\";");
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

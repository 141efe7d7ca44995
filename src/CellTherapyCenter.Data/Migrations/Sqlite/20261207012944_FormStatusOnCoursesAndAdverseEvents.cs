using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FormStatusOnCoursesAndAdverseEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Courses and adverse events stored before they had a form status were entered by
            // staff and not checked: unverified (FormStatus 1).
            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "TreatmentCourses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "AdverseEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Status",
                table: "TreatmentCourses");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "AdverseEvents");
        }
    }
}

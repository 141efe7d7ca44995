using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PatientEmailIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: the model cannot state an expression index. A search for a whole
            // email address is an equality on lower("Email") (PatientSearchText.WholeEmail).
            migrationBuilder.Sql("CREATE INDEX \"IX_Patients_EmailLower\" ON \"Patients\" (lower(\"Email\"));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Patients_EmailLower\";");
        }
    }
}

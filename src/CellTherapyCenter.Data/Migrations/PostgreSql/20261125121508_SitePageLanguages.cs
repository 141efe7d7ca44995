using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SitePageLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SitePages_Slug",
                table: "SitePages");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "SitePages",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "en"); // the pages written before languages existed are the English versions

            migrationBuilder.CreateIndex(
                name: "IX_SitePages_Slug_Language",
                table: "SitePages",
                columns: new[] { "Slug", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // One version per page again: the English one stays.
            migrationBuilder.Sql("DELETE FROM \"SitePages\" WHERE \"Language\" <> 'en';");

            migrationBuilder.DropIndex(
                name: "IX_SitePages_Slug_Language",
                table: "SitePages");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "SitePages");

            migrationBuilder.CreateIndex(
                name: "IX_SitePages_Slug",
                table: "SitePages",
                column: "Slug",
                unique: true);
        }
    }
}

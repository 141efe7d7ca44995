using CellTherapyCenter.Data.Migrations.Sql;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BackupAndAuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Chain",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChainSeq",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChainSeq",
                table: "AuditEntries",
                column: "ChainSeq",
                unique: true);

            BackupAndAuditChainSql.Up(migrationBuilder, ActiveProvider);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            BackupAndAuditChainSql.Down(migrationBuilder, ActiveProvider);

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ChainSeq",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Chain",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ChainSeq",
                table: "AuditEntries");
        }
    }
}

using CellTherapyCenter.Data.Migrations.Sql;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.PostgreSql
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChainSeq",
                table: "AuditEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: false)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BulkExport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BulkExportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClientName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Identified = table.Column<bool>(type: "INTEGER", nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    GroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Types = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TransactionTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResourcesWritten = table.Column<long>(type: "INTEGER", nullable: false),
                    ResourcesTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    Outputs = table.Column<string>(type: "TEXT", maxLength: 500000, nullable: false),
                    CompletedTypes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkExportJobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BulkExportJobs_ExpiresAt",
                table: "BulkExportJobs",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_BulkExportJobs_State",
                table: "BulkExportJobs",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulkExportJobs");
        }
    }
}

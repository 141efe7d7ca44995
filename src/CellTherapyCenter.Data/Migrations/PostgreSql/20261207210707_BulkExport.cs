using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.PostgreSql
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClientName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Identified = table.Column<bool>(type: "boolean", nullable: false),
                    Request = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    GroupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Types = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Since = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TransactionTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResourcesWritten = table.Column<long>(type: "bigint", nullable: false),
                    ResourcesTotal = table.Column<long>(type: "bigint", nullable: false),
                    Outputs = table.Column<string>(type: "character varying(500000)", maxLength: 500000, nullable: false),
                    CompletedTypes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Failure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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

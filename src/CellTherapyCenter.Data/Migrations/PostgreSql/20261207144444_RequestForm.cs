using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RequestForm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PatientAge",
                table: "Inquiries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientName",
                table: "Inquiries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HeldInquiryDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OriginalName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HeldUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldInquiryDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HeldInquiryDocuments_HeldUntil",
                table: "HeldInquiryDocuments",
                column: "HeldUntil");

            migrationBuilder.CreateIndex(
                name: "IX_HeldInquiryDocuments_TokenHash",
                table: "HeldInquiryDocuments",
                column: "TokenHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldInquiryDocuments");

            migrationBuilder.DropColumn(
                name: "PatientAge",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "PatientName",
                table: "Inquiries");
        }
    }
}

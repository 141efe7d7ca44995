using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FhirWrites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FhirSubmissions",
                columns: table => new
                {
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResourceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdentifierSystem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IdentifierValue = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ConditionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FhirSubmissions", x => x.AssessmentId);
                    table.ForeignKey(
                        name: "FK_FhirSubmissions_AlsfrsRAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "AlsfrsRAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FhirSubmissions_ConditionKey",
                table: "FhirSubmissions",
                column: "ConditionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FhirSubmissions_IdentifierValue",
                table: "FhirSubmissions",
                column: "IdentifierValue");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FhirSubmissions");
        }
    }
}

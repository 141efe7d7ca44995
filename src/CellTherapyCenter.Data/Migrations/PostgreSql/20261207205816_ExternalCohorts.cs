using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ExternalCohorts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExternalCohorts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IsSynthetic = table.Column<bool>(type: "boolean", nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalCohorts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExternalCohortSubjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DemographicsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Age = table.Column<double>(type: "double precision", nullable: true),
                    Sex = table.Column<int>(type: "integer", nullable: true),
                    SiteOfOnset = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OnsetSite = table.Column<int>(type: "integer", nullable: true),
                    OnsetOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DiagnosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Died = table.Column<bool>(type: "boolean", nullable: true),
                    DiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UsedRiluzole = table.Column<bool>(type: "boolean", nullable: true),
                    RiluzoleFrom = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalCohortSubjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExternalCohortSubjects_ExternalCohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "ExternalCohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExternalCohortAlsfrs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scale = table.Column<int>(type: "integer", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Q1 = table.Column<int>(type: "integer", nullable: true),
                    Q2 = table.Column<int>(type: "integer", nullable: true),
                    Q3 = table.Column<int>(type: "integer", nullable: true),
                    Q4 = table.Column<int>(type: "integer", nullable: true),
                    Q5a = table.Column<int>(type: "integer", nullable: true),
                    Q5b = table.Column<int>(type: "integer", nullable: true),
                    Q5 = table.Column<int>(type: "integer", nullable: true),
                    Q6 = table.Column<int>(type: "integer", nullable: true),
                    Q7 = table.Column<int>(type: "integer", nullable: true),
                    Q8 = table.Column<int>(type: "integer", nullable: true),
                    Q9 = table.Column<int>(type: "integer", nullable: true),
                    Q10 = table.Column<int>(type: "integer", nullable: true),
                    R1 = table.Column<int>(type: "integer", nullable: true),
                    R2 = table.Column<int>(type: "integer", nullable: true),
                    R3 = table.Column<int>(type: "integer", nullable: true),
                    AlsfrsTotal = table.Column<double>(type: "double precision", nullable: true),
                    AlsfrsRTotal = table.Column<double>(type: "double precision", nullable: true),
                    Mode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RespondedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalCohortAlsfrs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExternalCohortAlsfrs_ExternalCohortSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "ExternalCohortSubjects",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ExternalCohortAlsfrs_ExternalCohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "ExternalCohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExternalCohortFvc",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Litres1 = table.Column<double>(type: "double precision", nullable: true),
                    PercentPredicted1 = table.Column<double>(type: "double precision", nullable: true),
                    Litres2 = table.Column<double>(type: "double precision", nullable: true),
                    PercentPredicted2 = table.Column<double>(type: "double precision", nullable: true),
                    Litres3 = table.Column<double>(type: "double precision", nullable: true),
                    PercentPredicted3 = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalCohortFvc", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExternalCohortFvc_ExternalCohortSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "ExternalCohortSubjects",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ExternalCohortFvc_ExternalCohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "ExternalCohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalCohortAlsfrs_CohortId",
                table: "ExternalCohortAlsfrs",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalCohortAlsfrs_SubjectId_AssessedOn",
                table: "ExternalCohortAlsfrs",
                columns: new[] { "SubjectId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalCohortFvc_CohortId",
                table: "ExternalCohortFvc",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalCohortFvc_SubjectId_MeasuredOn",
                table: "ExternalCohortFvc",
                columns: new[] { "SubjectId", "MeasuredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalCohorts_Name",
                table: "ExternalCohorts",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExternalCohortSubjects_CohortId_SubjectId",
                table: "ExternalCohortSubjects",
                columns: new[] { "CohortId", "SubjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExternalCohortAlsfrs");

            migrationBuilder.DropTable(
                name: "ExternalCohortFvc");

            migrationBuilder.DropTable(
                name: "ExternalCohortSubjects");

            migrationBuilder.DropTable(
                name: "ExternalCohorts");
        }
    }
}

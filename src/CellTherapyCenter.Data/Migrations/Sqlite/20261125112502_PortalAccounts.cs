using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortalAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PortalAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OneQuestionPerScreen = table.Column<bool>(type: "INTEGER", nullable: false),
                    InvitationTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InvitationExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InvitedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    LastSignInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VoidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalAccounts_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PortalQuestionnaires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PortalAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TreatmentCourseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResultId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VoidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalQuestionnaires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalQuestionnaires_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PortalQuestionnaires_PortalAccounts_PortalAccountId",
                        column: x => x.PortalAccountId,
                        principalTable: "PortalAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PortalQuestionnaires_TreatmentCourses_TreatmentCourseId",
                        column: x => x.TreatmentCourseId,
                        principalTable: "TreatmentCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PortalAccounts_InvitationTokenHash",
                table: "PortalAccounts",
                column: "InvitationTokenHash",
                unique: true,
                filter: "\"InvitationTokenHash\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PortalAccounts_PatientId",
                table: "PortalAccounts",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalAccounts_UserId",
                table: "PortalAccounts",
                column: "UserId",
                unique: true,
                filter: "\"UserId\" IS NOT NULL AND \"VoidedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PortalQuestionnaires_PatientId_Kind_SentAt",
                table: "PortalQuestionnaires",
                columns: new[] { "PatientId", "Kind", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalQuestionnaires_PortalAccountId",
                table: "PortalQuestionnaires",
                column: "PortalAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalQuestionnaires_TreatmentCourseId",
                table: "PortalQuestionnaires",
                column: "TreatmentCourseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortalQuestionnaires");

            migrationBuilder.DropTable(
                name: "PortalAccounts");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CellTherapyCenter.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowUpSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowUpAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousAssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreviousTotal = table.Column<int>(type: "INTEGER", nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VoidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpAlerts_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpCursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpCursors", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TreatmentCourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WindowStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WindowEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedByVisitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompletedByAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OriginalTargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RescheduleReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MissedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VoidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpItems_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpItems_TreatmentCourses_TreatmentCourseId",
                        column: x => x.TreatmentCourseId,
                        principalTable: "TreatmentCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PatientFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RemindersOptedOutAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RepeatCourseTargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepeatCourseNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RepeatCourseRecommendedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VoidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PatientFollowUps_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FollowUpItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OutboundEmailId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpReminders_FollowUpItems_FollowUpItemId",
                        column: x => x.FollowUpItemId,
                        principalTable: "FollowUpItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlsfrsRAssessments_SelfReports",
                table: "AlsfrsRAssessments",
                column: "CreatedAt",
                filter: "\"Rater\" IN (2, 3) AND \"VoidedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpAlerts_AssessmentId",
                table: "FollowUpAlerts",
                column: "AssessmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpAlerts_PatientId",
                table: "FollowUpAlerts",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_Open",
                table: "FollowUpItems",
                columns: new[] { "WindowStart", "WindowEnd" },
                filter: "\"Status\" = 1 AND \"VoidedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_PatientId",
                table: "FollowUpItems",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpItems_Slot",
                table: "FollowUpItems",
                columns: new[] { "TreatmentCourseId", "Kind", "Slot" },
                unique: true,
                filter: "\"VoidedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReminders_FollowUpItemId_Kind",
                table: "FollowUpReminders",
                columns: new[] { "FollowUpItemId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReminders_PatientId",
                table: "FollowUpReminders",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_PatientFollowUps_PatientId",
                table: "PatientFollowUps",
                column: "PatientId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpAlerts");

            migrationBuilder.DropTable(
                name: "FollowUpCursors");

            migrationBuilder.DropTable(
                name: "FollowUpReminders");

            migrationBuilder.DropTable(
                name: "PatientFollowUps");

            migrationBuilder.DropTable(
                name: "FollowUpItems");

            migrationBuilder.DropIndex(
                name: "IX_AlsfrsRAssessments_SelfReports",
                table: "AlsfrsRAssessments");
        }
    }
}

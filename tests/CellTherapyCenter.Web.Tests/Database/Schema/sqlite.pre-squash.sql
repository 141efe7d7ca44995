CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NULL,
    "EntityId" TEXT NULL,
    "PatientId" TEXT NULL,
    "Changes" TEXT NULL,
    "Detail" TEXT NULL,
    "RemoteAddress" TEXT NULL
);

CREATE TABLE "Patients" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Patients" PRIMARY KEY,
    "FamilyName" TEXT NOT NULL,
    "GivenName" TEXT NOT NULL,
    "Sex" INTEGER NOT NULL,
    "DateOfBirth" TEXT NOT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "Address" TEXT NULL,
    "Country" TEXT NOT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "Pseudonym" TEXT NOT NULL,
    "IsSynthetic" INTEGER NOT NULL,
    "CurrentKingsStage" TEXT NULL,
    "CurrentMitosStage" INTEGER NULL,
    "LatestAlsfrsRTotal" INTEGER NULL,
    "LastVisitOn" TEXT NULL,
    "VitalState" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AdverseEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AdverseEvents" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "TreatmentCourseId" TEXT NULL,
    "Term" TEXT NOT NULL,
    "OnsetDate" TEXT NOT NULL,
    "ResolvedDate" TEXT NULL,
    "Grade" INTEGER NOT NULL,
    "Relatedness" INTEGER NOT NULL,
    "Serious" INTEGER NOT NULL,
    "Outcome" INTEGER NOT NULL,
    "Description" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_AdverseEvents_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AlsfrsRAssessments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AlsfrsRAssessments" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "VisitId" TEXT NULL,
    "AssessedOn" TEXT NOT NULL,
    "Rater" INTEGER NOT NULL,
    "Mode" INTEGER NOT NULL,
    "Speech" INTEGER NULL,
    "Salivation" INTEGER NULL,
    "Swallowing" INTEGER NULL,
    "Handwriting" INTEGER NULL,
    "CuttingFood" INTEGER NULL,
    "CuttingFoodVersion" INTEGER NOT NULL,
    "DressingHygiene" INTEGER NULL,
    "TurningInBed" INTEGER NULL,
    "Walking" INTEGER NULL,
    "ClimbingStairs" INTEGER NULL,
    "Dyspnea" INTEGER NULL,
    "Orthopnea" INTEGER NULL,
    "RespiratoryInsufficiency" INTEGER NULL,
    "IsComplete" INTEGER NOT NULL,
    "Total" INTEGER NULL,
    "Bulbar" INTEGER NULL,
    "FineMotor" INTEGER NULL,
    "GrossMotor" INTEGER NULL,
    "Respiratory" INTEGER NULL,
    "KingsStage" TEXT NULL,
    "KingsRegionsInvolved" INTEGER NULL,
    "MitosStage" INTEGER NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_AlsfrsRAssessments_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Consents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Consents" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Wording" TEXT NOT NULL,
    "GivenAt" TEXT NOT NULL,
    "WithdrawnAt" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_Consents_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Diagnoses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Diagnoses" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "OnsetDate" TEXT NULL,
    "OnsetSite" INTEGER NULL,
    "AffectedRegions" INTEGER NOT NULL,
    "DiagnosisDate" TEXT NULL,
    "ElEscorial" INTEGER NULL,
    "GoldCoastMet" INTEGER NULL,
    "FrontotemporalDementia" INTEGER NULL,
    "C9orf72" INTEGER NOT NULL,
    "Sod1" INTEGER NOT NULL,
    "OtherGenetics" TEXT NULL,
    "TakesRiluzole" INTEGER NOT NULL,
    "TakesEdaravone" INTEGER NOT NULL,
    "TakesTofersen" INTEGER NOT NULL,
    "OtherAlsDrugs" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_Diagnoses_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TreatmentCourses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TreatmentCourses" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NULL,
    "Notes" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_TreatmentCourses_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "VitalStatuses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_VitalStatuses" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "IsAlive" INTEGER NOT NULL,
    "DateOfDeath" TEXT NULL,
    "CauseOfDeath" TEXT NULL,
    "LastKnownAliveOn" TEXT NULL,
    "TracheostomyDate" TEXT NULL,
    "PermanentVentilationDate" TEXT NULL,
    "GastrostomyDate" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_VitalStatuses_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Transplantations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Transplantations" PRIMARY KEY,
    "TreatmentCourseId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "CellProductLot" TEXT NOT NULL,
    "SuspensionCount" INTEGER NOT NULL,
    "VolumeMl" TEXT NOT NULL,
    "Route" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_Transplantations_TreatmentCourses_TreatmentCourseId" FOREIGN KEY ("TreatmentCourseId") REFERENCES "TreatmentCourses" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Visits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Visits" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "TreatmentCourseId" TEXT NULL,
    "FvcPercentPredicted" REAL NULL,
    "WeightKg" REAL NULL,
    "Notes" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_Visits_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Visits_TreatmentCourses_TreatmentCourseId" FOREIGN KEY ("TreatmentCourseId") REFERENCES "TreatmentCourses" ("Id")
);

CREATE TABLE "ExaminationFindings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ExaminationFindings" PRIMARY KEY,
    "VisitId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "Domain" INTEGER NOT NULL,
    "Change" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_ExaminationFindings_Visits_VisitId" FOREIGN KEY ("VisitId") REFERENCES "Visits" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PatientReportedChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PatientReportedChanges" PRIMARY KEY,
    "VisitId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "Aspect" INTEGER NOT NULL,
    "Rating" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_PatientReportedChanges_Visits_VisitId" FOREIGN KEY ("VisitId") REFERENCES "Visits" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SymptomObservations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SymptomObservations" PRIMARY KEY,
    "VisitId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "Symptom" INTEGER NOT NULL,
    "Severity" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_SymptomObservations_Visits_VisitId" FOREIGN KEY ("VisitId") REFERENCES "Visits" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AdverseEvents_PatientId" ON "AdverseEvents" ("PatientId");

CREATE INDEX "IX_AlsfrsRAssessments_PatientId_AssessedOn" ON "AlsfrsRAssessments" ("PatientId", "AssessedOn");

CREATE INDEX "IX_AlsfrsRAssessments_VisitId" ON "AlsfrsRAssessments" ("VisitId");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE INDEX "IX_AuditEntries_PatientId" ON "AuditEntries" ("PatientId");

CREATE INDEX "IX_AuditEntries_UserName" ON "AuditEntries" ("UserName");

CREATE INDEX "IX_Consents_PatientId" ON "Consents" ("PatientId");

CREATE UNIQUE INDEX "IX_Diagnoses_PatientId" ON "Diagnoses" ("PatientId");

CREATE INDEX "IX_ExaminationFindings_PatientId" ON "ExaminationFindings" ("PatientId");

CREATE INDEX "IX_ExaminationFindings_VisitId" ON "ExaminationFindings" ("VisitId");

CREATE INDEX "IX_PatientReportedChanges_PatientId" ON "PatientReportedChanges" ("PatientId");

CREATE INDEX "IX_PatientReportedChanges_VisitId" ON "PatientReportedChanges" ("VisitId");

CREATE INDEX "IX_Patients_CurrentKingsStage" ON "Patients" ("CurrentKingsStage");

CREATE INDEX "IX_Patients_FamilyName_GivenName" ON "Patients" ("FamilyName", "GivenName");

CREATE INDEX "IX_Patients_LastVisitOn" ON "Patients" ("LastVisitOn");

CREATE UNIQUE INDEX "IX_Patients_Pseudonym" ON "Patients" ("Pseudonym");

CREATE INDEX "IX_SymptomObservations_PatientId" ON "SymptomObservations" ("PatientId");

CREATE INDEX "IX_SymptomObservations_VisitId" ON "SymptomObservations" ("VisitId");

CREATE INDEX "IX_Transplantations_PatientId" ON "Transplantations" ("PatientId");

CREATE INDEX "IX_Transplantations_TreatmentCourseId" ON "Transplantations" ("TreatmentCourseId");

CREATE INDEX "IX_TreatmentCourses_PatientId_Number" ON "TreatmentCourses" ("PatientId", "Number");

CREATE INDEX "IX_Visits_PatientId_Date" ON "Visits" ("PatientId", "Date");

CREATE INDEX "IX_Visits_TreatmentCourseId" ON "Visits" ("TreatmentCourseId");

CREATE UNIQUE INDEX "IX_VitalStatuses_PatientId" ON "VitalStatuses" ("PatientId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125034606_Initial', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125034631_AppendOnlyAuditTrail', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Patients_List" ON "Patients" ("CurrentKingsStage", "VitalState", "FamilyName", "GivenName", "Id") WHERE "VoidedAt" IS NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125051343_PatientListIndex', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "OutboundEmails" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboundEmails" PRIMARY KEY,
    "ToAddress" TEXT NOT NULL,
    "ToName" TEXT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LockedUntil" TEXT NULL,
    "SentAt" TEXT NULL,
    "FailedAt" TEXT NULL,
    "LastError" TEXT NULL
);

CREATE INDEX "IX_OutboundEmails_CreatedAt" ON "OutboundEmails" ("CreatedAt");

CREATE INDEX "IX_OutboundEmails_Due" ON "OutboundEmails" ("NextAttemptAt") WHERE "SentAt" IS NULL AND "FailedAt" IS NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125061952_AddEmailOutbox', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Patents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Patents" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Url" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    "IsDemo" INTEGER NOT NULL
);

CREATE TABLE "PatientCases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PatientCases" PRIMARY KEY,
    "Slug" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "Initials" TEXT NOT NULL,
    "AgeYears" INTEGER NOT NULL,
    "ClinicalPicture" TEXT NOT NULL,
    "BodyMarkdown" TEXT NULL,
    "Published" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_PatientCases_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Publications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Publications" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Year" INTEGER NULL,
    "Description" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    "IsDemo" INTEGER NOT NULL
);

CREATE TABLE "SitePages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SitePages" PRIMARY KEY,
    "Slug" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "BodyMarkdown" TEXT NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NULL,
    "IsDemo" INTEGER NOT NULL
);

CREATE TABLE "PublicationFiles" (
    "PublicationId" TEXT NOT NULL CONSTRAINT "PK_PublicationFiles" PRIMARY KEY,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_PublicationFiles_Publications_PublicationId" FOREIGN KEY ("PublicationId") REFERENCES "Publications" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PatientCases_PatientId" ON "PatientCases" ("PatientId");

CREATE UNIQUE INDEX "IX_PatientCases_Slug" ON "PatientCases" ("Slug");

CREATE UNIQUE INDEX "IX_SitePages_Slug" ON "SitePages" ("Slug");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125070030_PublicSiteContent', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "Inquiries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Inquiries" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "RequesterRole" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "Country" TEXT NOT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "DiagnosisYear" INTEGER NULL,
    "Symptoms" TEXT NOT NULL,
    "Ventilation" INTEGER NOT NULL,
    "Gastrostomy" INTEGER NULL,
    "AlsfrsRAnswers" TEXT NULL,
    "AlsfrsRWithGastrostomy" INTEGER NOT NULL,
    "AlsfrsRTotal" INTEGER NULL,
    "Message" TEXT NULL,
    "ConsentWording" TEXT NOT NULL,
    "ConsentGivenAt" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "AssigneeUserName" TEXT NULL,
    "PatientId" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL
);

CREATE TABLE "InquiryDocuments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_InquiryDocuments" PRIMARY KEY,
    "InquiryId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_InquiryDocuments_Inquiries_InquiryId" FOREIGN KEY ("InquiryId") REFERENCES "Inquiries" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "InquiryNotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_InquiryNotes" PRIMARY KEY,
    "InquiryId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Author" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    CONSTRAINT "FK_InquiryNotes_Inquiries_InquiryId" FOREIGN KEY ("InquiryId") REFERENCES "Inquiries" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Inquiries_Reference" ON "Inquiries" ("Reference");

CREATE INDEX "IX_Inquiries_Status_SubmittedAt" ON "Inquiries" ("Status", "SubmittedAt");

CREATE INDEX "IX_InquiryDocuments_InquiryId" ON "InquiryDocuments" ("InquiryId");

CREATE INDEX "IX_InquiryNotes_InquiryId" ON "InquiryNotes" ("InquiryId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125073725_Inquiries', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_AlsfrsRAssessments_Scores" ON "AlsfrsRAssessments" ("PatientId", "AssessedOn") WHERE "VoidedAt" IS NULL AND "Total" IS NOT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125094237_ClaimsAuditScoresIndex', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "FollowUpAlerts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FollowUpAlerts" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "AssessmentId" TEXT NOT NULL,
    "PreviousAssessmentId" TEXT NOT NULL,
    "AssessedOn" TEXT NOT NULL,
    "PreviousTotal" INTEGER NULL,
    "Total" INTEGER NULL,
    "Reason" TEXT NOT NULL,
    "AcknowledgedAt" TEXT NULL,
    "AcknowledgedBy" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_FollowUpAlerts_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "FollowUpCursors" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_FollowUpCursors" PRIMARY KEY,
    "At" TEXT NOT NULL
);

CREATE TABLE "FollowUpItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FollowUpItems" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "TreatmentCourseId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Slot" INTEGER NOT NULL,
    "Label" TEXT NOT NULL,
    "TargetDate" TEXT NOT NULL,
    "WindowStart" TEXT NOT NULL,
    "WindowEnd" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "CompletedOn" TEXT NULL,
    "CompletedByVisitId" TEXT NULL,
    "CompletedByAssessmentId" TEXT NULL,
    "OriginalTargetDate" TEXT NULL,
    "RescheduleReason" TEXT NULL,
    "MissedReason" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_FollowUpItems_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FollowUpItems_TreatmentCourses_TreatmentCourseId" FOREIGN KEY ("TreatmentCourseId") REFERENCES "TreatmentCourses" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PatientFollowUps" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PatientFollowUps" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "RemindersOptedOutAt" TEXT NULL,
    "RepeatCourseTargetDate" TEXT NULL,
    "RepeatCourseNote" TEXT NULL,
    "RepeatCourseRecommendedBy" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_PatientFollowUps_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "FollowUpReminders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FollowUpReminders" PRIMARY KEY,
    "FollowUpItemId" TEXT NOT NULL,
    "PatientId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OutboundEmailId" TEXT NOT NULL,
    "QueuedAt" TEXT NOT NULL,
    CONSTRAINT "FK_FollowUpReminders_FollowUpItems_FollowUpItemId" FOREIGN KEY ("FollowUpItemId") REFERENCES "FollowUpItems" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_AlsfrsRAssessments_SelfReports" ON "AlsfrsRAssessments" ("CreatedAt") WHERE "Rater" IN (2, 3) AND "VoidedAt" IS NULL;

CREATE UNIQUE INDEX "IX_FollowUpAlerts_AssessmentId" ON "FollowUpAlerts" ("AssessmentId");

CREATE INDEX "IX_FollowUpAlerts_PatientId" ON "FollowUpAlerts" ("PatientId");

CREATE INDEX "IX_FollowUpItems_Open" ON "FollowUpItems" ("WindowStart", "WindowEnd") WHERE "Status" = 1 AND "VoidedAt" IS NULL;

CREATE INDEX "IX_FollowUpItems_PatientId" ON "FollowUpItems" ("PatientId");

CREATE UNIQUE INDEX "IX_FollowUpItems_Slot" ON "FollowUpItems" ("TreatmentCourseId", "Kind", "Slot") WHERE "VoidedAt" IS NULL;

CREATE UNIQUE INDEX "IX_FollowUpReminders_FollowUpItemId_Kind" ON "FollowUpReminders" ("FollowUpItemId", "Kind");

CREATE INDEX "IX_FollowUpReminders_PatientId" ON "FollowUpReminders" ("PatientId");

CREATE UNIQUE INDEX "IX_PatientFollowUps_PatientId" ON "PatientFollowUps" ("PatientId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125102552_FollowUpSchedule', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "PortalAccounts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PortalAccounts" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "Role" INTEGER NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "OneQuestionPerScreen" INTEGER NOT NULL,
    "InvitationTokenHash" TEXT NULL,
    "InvitationExpiresAt" TEXT NOT NULL,
    "InvitedBy" TEXT NULL,
    "AcceptedAt" TEXT NULL,
    "UserId" TEXT NULL,
    "LastSignInAt" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_PortalAccounts_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PortalQuestionnaires" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PortalQuestionnaires" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "PortalAccountId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "TreatmentCourseId" TEXT NULL,
    "Answers" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "ResultId" TEXT NULL,
    "ConcurrencyStamp" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL,
    "VoidedAt" TEXT NULL,
    "VoidReason" TEXT NULL,
    "VoidedBy" TEXT NULL,
    CONSTRAINT "FK_PortalQuestionnaires_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PortalQuestionnaires_PortalAccounts_PortalAccountId" FOREIGN KEY ("PortalAccountId") REFERENCES "PortalAccounts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PortalQuestionnaires_TreatmentCourses_TreatmentCourseId" FOREIGN KEY ("TreatmentCourseId") REFERENCES "TreatmentCourses" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_PortalAccounts_InvitationTokenHash" ON "PortalAccounts" ("InvitationTokenHash") WHERE "InvitationTokenHash" IS NOT NULL;

CREATE INDEX "IX_PortalAccounts_PatientId" ON "PortalAccounts" ("PatientId");

CREATE UNIQUE INDEX "IX_PortalAccounts_UserId" ON "PortalAccounts" ("UserId") WHERE "UserId" IS NOT NULL AND "VoidedAt" IS NULL;

CREATE INDEX "IX_PortalQuestionnaires_PatientId_Kind_SentAt" ON "PortalQuestionnaires" ("PatientId", "Kind", "SentAt");

CREATE INDEX "IX_PortalQuestionnaires_PortalAccountId" ON "PortalQuestionnaires" ("PortalAccountId");

CREATE INDEX "IX_PortalQuestionnaires_TreatmentCourseId" ON "PortalQuestionnaires" ("TreatmentCourseId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125112502_PortalAccounts', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_SitePages_Slug";

ALTER TABLE "SitePages" ADD "Language" TEXT NOT NULL DEFAULT 'en';

CREATE UNIQUE INDEX "IX_SitePages_Slug_Language" ON "SitePages" ("Slug", "Language");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125121433_SitePageLanguages', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Visits_ClaimsFacts" ON "Visits" ("PatientId", "Date") WHERE "VoidedAt" IS NULL;

CREATE INDEX "IX_PatientReportedChanges_ClaimsFacts" ON "PatientReportedChanges" ("PatientId", "VisitId") WHERE "VoidedAt" IS NULL;

CREATE INDEX "IX_ExaminationFindings_ClaimsFacts" ON "ExaminationFindings" ("PatientId", "VisitId") WHERE "VoidedAt" IS NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125141215_ClaimsFactsIndexes', '10.0.12');

COMMIT;


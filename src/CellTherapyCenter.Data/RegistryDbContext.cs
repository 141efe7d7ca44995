using CellTherapyCenter.Clinical.Staging;
using CellTherapyCenter.Data.AdverseEvents;
using CellTherapyCenter.Data.Assessments;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Consents;
using CellTherapyCenter.Data.Courses;
using CellTherapyCenter.Data.Diagnoses;
using CellTherapyCenter.Data.Email;
using CellTherapyCenter.Data.Fhir;
using CellTherapyCenter.Data.FollowUp;
using CellTherapyCenter.Data.History;
using CellTherapyCenter.Data.Identity;
using CellTherapyCenter.Data.Inquiries;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Data.Portal;
using CellTherapyCenter.Data.Privacy;
using CellTherapyCenter.Data.PublicSite;
using CellTherapyCenter.Data.Visits;
using CellTherapyCenter.Data.Vitals;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CellTherapyCenter.Data;

/// <summary>
/// The registry. Each provider has a subclass (<see cref="SqliteRegistryDbContext"/>,
/// <see cref="PostgreSqlRegistryDbContext"/>) only so that each keeps its own migrations;
/// features use this type.
/// </summary>
public abstract class RegistryDbContext(DbContextOptions options, IAuditActor actor, TimeProvider clock)
    : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<Diagnosis> Diagnoses => Set<Diagnosis>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<SymptomObservation> SymptomObservations => Set<SymptomObservation>();
    public DbSet<ExaminationFinding> ExaminationFindings => Set<ExaminationFinding>();
    public DbSet<PatientReportedChange> PatientReportedChanges => Set<PatientReportedChange>();
    public DbSet<AlsfrsRAssessment> AlsfrsRAssessments => Set<AlsfrsRAssessment>();
    public DbSet<TreatmentCourse> TreatmentCourses => Set<TreatmentCourse>();
    public DbSet<Transplantation> Transplantations => Set<Transplantation>();
    public DbSet<AdverseEvent> AdverseEvents => Set<AdverseEvent>();
    public DbSet<VitalStatus> VitalStatuses => Set<VitalStatus>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboundEmail> OutboundEmails => Set<OutboundEmail>();
    public DbSet<SitePage> SitePages => Set<SitePage>();
    public DbSet<PatientCase> PatientCases => Set<PatientCase>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<PublicationFile> PublicationFiles => Set<PublicationFile>();
    public DbSet<Patent> Patents => Set<Patent>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<TeamPhoto> TeamPhotos => Set<TeamPhoto>();
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();
    public DbSet<InquiryDocument> InquiryDocuments => Set<InquiryDocument>();
    public DbSet<InquiryNote> InquiryNotes => Set<InquiryNote>();
    public DbSet<FollowUpItem> FollowUpItems => Set<FollowUpItem>();
    public DbSet<PatientFollowUp> PatientFollowUps => Set<PatientFollowUp>();
    public DbSet<FollowUpReminder> FollowUpReminders => Set<FollowUpReminder>();
    public DbSet<FollowUpAlert> FollowUpAlerts => Set<FollowUpAlert>();
    public DbSet<FollowUpCursor> FollowUpCursors => Set<FollowUpCursor>();
    public DbSet<PortalAccount> PortalAccounts => Set<PortalAccount>();
    public DbSet<PortalQuestionnaire> PortalQuestionnaires => Set<PortalQuestionnaire>();
    public DbSet<PortalPasswordReset> PortalPasswordResets => Set<PortalPasswordReset>();
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<FhirClient> FhirClients => Set<FhirClient>();
    public DbSet<FhirAssertionUse> FhirAssertionUses => Set<FhirAssertionUse>();
    public DbSet<BulkExportJob> BulkExportJobs => Set<BulkExportJob>();
    public DbSet<RecordVersion> RecordVersions => Set<RecordVersion>();
    public DbSet<Cohorts.ExternalCohort> ExternalCohorts => Set<Cohorts.ExternalCohort>();
    public DbSet<Cohorts.ExternalCohortSubject> ExternalCohortSubjects => Set<Cohorts.ExternalCohortSubject>();
    public DbSet<Cohorts.ExternalCohortAlsfrs> ExternalCohortAlsfrs => Set<Cohorts.ExternalCohortAlsfrs>();
    public DbSet<Cohorts.ExternalCohortFvc> ExternalCohortFvc => Set<Cohorts.ExternalCohortFvc>();

    /// <summary>Set false only by bulk seeding of synthetic data, which writes one summary audit line instead.</summary>
    internal bool AuditChanges { get; set; } = true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Identity.StaffPasskeys.Configure(builder);
        OpenIddictModel.Configure(builder);
        // Each entity's configuration sits next to it, in the folder of its feature.
        builder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);
    }

    /// <summary>
    /// King's stage is a <see cref="KingsStageValue"/> in code and its clinical code ("1" to "5", "4A",
    /// "4B") in the column, so the stored data reads as clinicians write it and queries compare stages,
    /// not strings.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<KingsStageValue>().HaveConversion<KingsStageCodeConverter>().HaveMaxLength(2);
    }

    private sealed class KingsStageCodeConverter() : ValueConverter<KingsStageValue, string>(
        stage => KingsStage.ToCode(stage),
        code => KingsStage.FromCode(code)!.Value);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync: the registry saves asynchronously with its audit.");

    private static long s_patientsVersion;

    /// <summary>
    /// Moves on after every save in this process that adds or changes a patient row (their list
    /// summary columns included), so in-process caches of patient lists can key on it.
    /// </summary>
    public static long PatientsVersion => Interlocked.Read(ref s_patientsVersion);

    /// <summary>
    /// Moves on after every save in this process that adds or changes any registry record, so
    /// in-process caches of whole-registry computations (the claims audit) can key on it. An external
    /// cohort's row counts too (an import, or an administrator making it public or withdrawing it):
    /// the audit's comparison with the cohort must follow it. <see cref="RecordChanges.Registry"/>
    /// says which patients each save touched.
    /// </summary>
    public static long RecordsVersion => RecordChanges.Registry.Version;

    /// <summary>For writers that bypass the change tracker (PostgreSQL COPY of the demo cohort): what changed is not known.</summary>
    internal static void RecordsWrittenInBulk()
    {
        RecordChanges.Registry.Record(patients: null, cohorts: true);
        Interlocked.Increment(ref s_patientsVersion);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var patient in ChangeTracker.Entries<Patient>())
            if (patient.State is EntityState.Added or EntityState.Modified) patient.Entity.RefreshSearchText();
        RegistryAuditing.Apply(this, actor, now, AuditChanges);
        await PortalRoleGuard.CheckAsync(this, cancellationToken);
        var patientsChange = ChangeTracker.Entries<Patient>().Any(e => e.State is EntityState.Added or EntityState.Modified);
        // An external cohort (its public flag, a re-import) changes the audit's comparisons as a record does.
        var changedPatients = ChangedPatients();
        var cohortsChange = ChangeTracker.Entries<Cohorts.ExternalCohort>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (patientsChange) Interlocked.Increment(ref s_patientsVersion);
        if (changedPatients.Length > 0 || cohortsChange) RecordedVersion = RecordChanges.Registry.Record(changedPatients, cohortsChange);
        return saved;
    }

    /// <summary>The records version this context's last save moved the registry to (tests read its change set).</summary>
    internal long? RecordedVersion { get; private set; }

    /// <summary>The patients whose records this save adds, changes or voids (a record moved to another patient counts for both).</summary>
    private Guid[] ChangedPatients()
    {
        var patients = new HashSet<Guid>();
        foreach (var entry in ChangeTracker.Entries<RegistryRecord>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            patients.Add(entry.Entity.AuditPatientId);
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("PatientId") is { } property
                && entry.Property(property).OriginalValue is Guid before)
                patients.Add(before);
        }
        return [.. patients];
    }
}

public sealed class SqliteRegistryDbContext(DbContextOptions<SqliteRegistryDbContext> options, IAuditActor actor, TimeProvider clock)
    : RegistryDbContext(options, actor, clock);

public sealed class PostgreSqlRegistryDbContext(DbContextOptions<PostgreSqlRegistryDbContext> options, IAuditActor actor, TimeProvider clock)
    : RegistryDbContext(options, actor, clock);

#nullable enable

using CellTherapyCenter.Data.Auditing;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CellTherapyCenter.Data.Migrations.Sql;

/// <summary>
/// The hand-written part of the BackupAndAuditChain migration (issue 16, item 9): the triggers that
/// put each new audit line into the hash chain (<see cref="AuditChain"/>), and the chain computed
/// for the lines already stored, oldest first (the first links to ""). The generated migration calls
/// <see cref="Up"/> after adding the columns and <see cref="Down"/> before dropping them.
/// </summary>
public static class BackupAndAuditChainSql
{
    private const string AppendOnly = "the audit trail is append-only";

    public static void Up(MigrationBuilder migrationBuilder, string? provider)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (IsPostgreSql(provider)) PostgreSqlUp(migrationBuilder);
        else SqliteUp(migrationBuilder);
    }

    public static void Down(MigrationBuilder migrationBuilder, string? provider)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (IsPostgreSql(provider))
        {
            migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_Chain\" ON \"AuditEntries\";");
            migrationBuilder.Sql("DROP FUNCTION audit_entries_chain();");
            return;
        }
        migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_Chain\";");
        migrationBuilder.Sql("DROP TRIGGER \"AuditEntries_NoUpdate\";");
        migrationBuilder.Sql($"""
            CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
            BEGIN SELECT RAISE(ABORT, '{AppendOnly}'); END;
            """);
    }

    private static bool IsPostgreSql(string? provider) => provider?.Contains("Npgsql", StringComparison.Ordinal) == true;

    private static void PostgreSqlUp(MigrationBuilder m)
    {
        // Writers wait for each other from their first audit line to their commit: the lock is
        // released only after the commit is visible, so the next writer reads the line before it.
        m.Sql($"""
            CREATE FUNCTION audit_entries_chain() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE previous_place bigint; previous_chain text;
            BEGIN
                PERFORM pg_advisory_xact_lock({AuditChain.PostgreSqlLockKey});
                SELECT "ChainSeq", "Chain" INTO previous_place, previous_chain
                FROM "AuditEntries" WHERE "ChainSeq" IS NOT NULL ORDER BY "ChainSeq" DESC LIMIT 1;
                NEW."ChainSeq" := coalesce(previous_place, 0) + 1;
                NEW."Chain" := encode(sha256(convert_to(
                    coalesce(previous_chain, '') || '|' || NEW."ChainSeq"::text || '|' || {AuditChain.ContentSql(DatabaseProvider.PostgreSQL, "NEW")},
                    'UTF8')), 'hex');
                RETURN NEW;
            END; $$;
            """);
        m.Sql("""
            CREATE TRIGGER "AuditEntries_Chain" BEFORE INSERT ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION audit_entries_chain();
            """);
        // The lines stored before: the append-only guard is lifted for this one statement's transaction.
        m.Sql("""ALTER TABLE "AuditEntries" DISABLE TRIGGER "AuditEntries_AppendOnly";""");
        m.Sql("""
            UPDATE "AuditEntries" e SET "ChainSeq" = o.place
            FROM (SELECT "Id", row_number() OVER (ORDER BY "Id") AS place FROM "AuditEntries") o
            WHERE e."Id" = o."Id";
            """);
        m.Sql($"""
            WITH RECURSIVE chain(place, value) AS (
                SELECT 0::bigint, ''::text
                UNION ALL
                SELECT a."ChainSeq", encode(sha256(convert_to(
                    c.value || '|' || a."ChainSeq"::text || '|' || {AuditChain.ContentSql(DatabaseProvider.PostgreSQL, "a")}, 'UTF8')), 'hex')
                FROM chain c JOIN "AuditEntries" a ON a."ChainSeq" = c.place + 1
            )
            UPDATE "AuditEntries" e SET "Chain" = chain.value FROM chain WHERE e."ChainSeq" = chain.place;
            """);
        m.Sql("""ALTER TABLE "AuditEntries" ENABLE TRIGGER "AuditEntries_AppendOnly";""");
    }

    private static void SqliteUp(MigrationBuilder m)
    {
        // The lines stored before, oldest first, while no guard is in place.
        m.Sql("""DROP TRIGGER "AuditEntries_NoUpdate";""");
        m.Sql("""
            UPDATE "AuditEntries" SET "ChainSeq" = o.place
            FROM (SELECT "Id", row_number() OVER (ORDER BY "Id") AS place FROM "AuditEntries") o
            WHERE "AuditEntries"."Id" = o."Id";
            """);
        m.Sql($"""
            WITH RECURSIVE chain(place, value) AS (
                SELECT 0, ''
                UNION ALL
                SELECT a."ChainSeq", {AuditChain.SqliteFunction}(c.value || '|' || a."ChainSeq" || '|' || {AuditChain.ContentSql(DatabaseProvider.Sqlite, "a")})
                FROM chain c JOIN "AuditEntries" a ON a."ChainSeq" = c.place + 1
            )
            UPDATE "AuditEntries" SET "Chain" = chain.value FROM chain WHERE chain.place = "AuditEntries"."ChainSeq";
            """);
        // SQLite's BEFORE triggers cannot set a column, so the chain is written right after the
        // insert, in the same statement; the guard lets exactly that update through (a line without
        // its chain yet, every other column unchanged) and refuses any other.
        var unchanged = string.Join(" AND ",
            new[] { "Id", "At", "UserId", "UserName", "Action", "EntityType", "EntityId", "PatientId", "Changes", "Detail", "RemoteAddress" }
                .Select(c => $"NEW.\"{c}\" IS OLD.\"{c}\""));
        m.Sql($"""
            CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
            WHEN NOT (OLD."Chain" IS NULL AND OLD."ChainSeq" IS NULL AND {unchanged})
            BEGIN SELECT RAISE(ABORT, '{AppendOnly}'); END;
            """);
        m.Sql($"""
            CREATE TRIGGER "AuditEntries_Chain" AFTER INSERT ON "AuditEntries"
            BEGIN
                UPDATE "AuditEntries" SET
                    "ChainSeq" = (SELECT coalesce(max("ChainSeq"), 0) + 1 FROM "AuditEntries"),
                    "Chain" = {AuditChain.SqliteFunction}(
                        coalesce((SELECT p."Chain" FROM "AuditEntries" p ORDER BY p."ChainSeq" DESC LIMIT 1), '')
                        || '|' || (SELECT coalesce(max("ChainSeq"), 0) + 1 FROM "AuditEntries")
                        || '|' || {AuditChain.ContentSql(DatabaseProvider.Sqlite, "NEW")})
                WHERE "Id" = NEW."Id";
            END;
            """);
    }
}

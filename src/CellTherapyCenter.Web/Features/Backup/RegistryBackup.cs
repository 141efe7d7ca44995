using System.Buffers.Binary;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CellTherapyCenter.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CellTherapyCenter.Web.Features.Backup;

/// <summary>What a backup holds besides the database itself, checked on restore before anything is written.</summary>
public sealed record BackupManifest(
    int Format, string Provider, DateTime CreatedAt, long SnapshotBytes, string SnapshotSha256,
    IReadOnlyList<TableDigest> Tables, long AuditChainLines, string? AuditChainHead);

/// <summary>What a backup or restore did, printed as the command's JSON.</summary>
public sealed record BackupResult(string File, string Provider, int Tables, long Rows, long Bytes, long AuditChainLines, string? AuditChainHead);

/// <summary>
/// <c>backup --to FILE</c> and <c>restore --from FILE</c> for the configured database.
/// A backup is one consistent snapshot taken while the app runs and writes: SQLite's online backup
/// API (the copy is one read transaction), or <c>pg_dump --format=custom</c> on a snapshot exported
/// from a repeatable-read transaction that also computes the manifest, so the dump and the manifest
/// see exactly the same rows. The payload (manifest, snapshot, the data protection key files when
/// they live in a folder) is encrypted by <see cref="EncryptedBackupFile"/> into a temporary file
/// beside FILE that takes FILE's name only when complete.
/// A restore decrypts and checks the whole file first (every chunk's tag, the snapshot's SHA-256;
/// on SQLite every table of the snapshot against the manifest), refuses a target that has any
/// table, then writes; PostgreSQL's restore runs in one transaction and is then compared with the
/// manifest table by table (on a difference the restored objects are dropped again).
/// </summary>
public sealed class RegistryBackup(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    public const string DefaultKeyFile = "data/keys/backup.key";
    private const string ManifestEntry = "manifest.json";
    private const string DatabaseEntry = "database";
    private const string KeysEntryPrefix = "data-protection/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DatabaseProvider Provider => DatabaseSetup.ProviderFrom(configuration);

    public string KeyFilePath => Path.Combine(environment.ContentRootPath, configuration["Backup:KeyFile"] is { Length: > 0 } k ? k : DefaultKeyFile);

    private string? DataProtectionFolder => configuration["DataProtection:KeysPath"] is { Length: > 0 } path ? Path.Combine(environment.ContentRootPath, path) : null;

    public async Task<BackupResult> CreateAsync(string file, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (File.Exists(file)) throw new BackupRefusedException($"{file} exists already: name a new file");
        var key = KeyFile.LoadOrCreate(KeyFilePath);
        var work = Directory.CreateTempSubdirectory("ctc-backup-");
        try
        {
            var snapshot = Path.Combine(work.FullName, "snapshot");
            var (tables, chainLines, chainHead) = Provider == DatabaseProvider.PostgreSQL
                ? await DumpPostgreSqlAsync(snapshot, ct)
                : await CopySqliteAsync(snapshot, ct);
            var manifest = new BackupManifest(1, Provider.ToString(), clock.GetUtcNow().UtcDateTime, new FileInfo(snapshot).Length,
                await Sha256Async(snapshot, ct), tables, chainLines, chainHead);

            var partial = file + ".partial";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                await using (var output = new FileStream(partial, options))
                {
                    await using (var payload = EncryptedBackupFile.Create(output, key))
                    {
                        WriteEntry(payload, ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
                        await using (var database = File.OpenRead(snapshot)) await WriteEntryAsync(payload, DatabaseEntry, database, ct);
                        foreach (var keyFile in DataProtectionKeyFiles())
                            WriteEntry(payload, KeysEntryPrefix + Path.GetFileName(keyFile), await File.ReadAllBytesAsync(keyFile, ct));
                        WriteEnd(payload);
                    }
                    await output.FlushAsync(ct);
                    RandomAccess.FlushToDisk(output.SafeFileHandle);
                }
                File.Move(partial, file);
            }
            finally
            {
                File.Delete(partial);
            }
            return new BackupResult(file, Provider.ToString(), tables.Count, tables.Sum(t => t.Rows), new FileInfo(file).Length, chainLines, chainHead);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public async Task<BackupResult> RestoreAsync(string file, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file)) throw new BackupRefusedException($"{file} does not exist");
        var key = KeyFile.Load(KeyFilePath);
        var work = Directory.CreateTempSubdirectory("ctc-restore-");
        try
        {
            // 1. The whole file, every chunk authenticated, before anything else is looked at.
            var payloadPath = Path.Combine(work.FullName, "payload");
            await using (var input = File.OpenRead(file))
            await using (var payload = new FileStream(payloadPath, FileMode.CreateNew, FileAccess.Write))
                EncryptedBackupFile.Open(input, key, payload);

            // 2. Its parts, and the snapshot against the manifest.
            var snapshot = Path.Combine(work.FullName, "snapshot");
            var (manifest, keyFiles) = await ReadPayloadAsync(payloadPath, snapshot, ct);
            if (!string.Equals(manifest.Provider, Provider.ToString(), StringComparison.Ordinal))
                throw new BackupRefusedException($"the backup is of a {manifest.Provider} database and the configured database is {Provider}");
            if (new FileInfo(snapshot).Length != manifest.SnapshotBytes || await Sha256Async(snapshot, ct) != manifest.SnapshotSha256)
                throw new BackupRefusedException("the backup's database does not match its manifest");

            // 3. The target, which must be empty; then the restore and its check.
            if (Provider == DatabaseProvider.PostgreSQL) await RestorePostgreSqlAsync(snapshot, manifest, ct);
            else await RestoreSqliteAsync(snapshot, manifest, ct);
            RestoreDataProtectionKeys(keyFiles);
            return new BackupResult(file, manifest.Provider, manifest.Tables.Count, manifest.Tables.Sum(t => t.Rows), new FileInfo(file).Length,
                manifest.AuditChainLines, manifest.AuditChainHead);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The manifest of a backup file, after checking the whole file with the key (for tests and inspection).</summary>
    public static async Task<BackupManifest> ReadManifestAsync(string file, byte[] key, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("ctc-restore-");
        try
        {
            var payloadPath = Path.Combine(work.FullName, "payload");
            await using (var input = File.OpenRead(file))
            await using (var payload = new FileStream(payloadPath, FileMode.CreateNew, FileAccess.Write))
                EncryptedBackupFile.Open(input, key, payload);
            return (await ReadPayloadAsync(payloadPath, Path.Combine(work.FullName, "snapshot"), ct)).Item1;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // ---------- SQLite ----------

    private string SqliteConnectionString(SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate) =>
        new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(configuration.GetConnectionString("Registry"), configuration["Database:SqlitePath"]))
        { Pooling = false, Mode = mode }.ToString();

    private static string SqliteFile(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    private async Task<(IReadOnlyList<TableDigest>, long, string?)> CopySqliteAsync(string snapshot, CancellationToken ct)
    {
        await using (var source = new SqliteConnection(SqliteConnectionString()))
        await using (var copy = new SqliteConnection(SqliteFile(snapshot)))
        {
            await source.OpenAsync(ct);
            // The backup API takes its locks with SQLite's own busy handler (not the driver's retries).
            await using (var wait = source.CreateCommand())
            {
                wait.CommandText = "PRAGMA busy_timeout=30000;";
                await wait.ExecuteNonQueryAsync(ct);
            }
            // One read transaction over the source (one step copies every page): writers carry on in the WAL meanwhile.
            source.BackupDatabase(copy);
        }
        await using var read = new SqliteConnection(SqliteFile(snapshot));
        await read.OpenAsync(ct);
        var tables = await TableManifest.ComputeAsync(read, null, DatabaseProvider.Sqlite, ct);
        var (lines, head) = await ChainHeadAsync(read, null, ct);
        return (tables, lines, head);
    }

    private async Task RestoreSqliteAsync(string snapshot, BackupManifest manifest, CancellationToken ct)
    {
        await using (var check = new SqliteConnection(SqliteFile(snapshot)))
        {
            await check.OpenAsync(ct);
            if (TableManifest.FirstDifference(manifest.Tables, await TableManifest.ComputeAsync(check, null, DatabaseProvider.Sqlite, ct)) is { } difference)
                throw new BackupRefusedException($"the backup's database does not match its manifest: {difference}");
        }
        await using var target = new SqliteConnection(SqliteConnectionString());
        await target.OpenAsync(ct);
        await using (var count = target.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM sqlite_master";
            if (Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
                throw new BackupRefusedException($"the target database {target.DataSource} is not empty: restore only into an empty database");
        }
        await using (var wait = target.CreateCommand())
        {
            wait.CommandText = "PRAGMA busy_timeout=30000;";
            await wait.ExecuteNonQueryAsync(ct);
        }
        await using var source = new SqliteConnection(SqliteFile(snapshot));
        await source.OpenAsync(ct);
        source.BackupDatabase(target);
    }

    // ---------- PostgreSQL ----------

    private NpgsqlConnectionStringBuilder PostgreSqlSettings() => new(DatabaseSetup.PostgreSqlConnectionString(
        configuration.GetConnectionString("Registry") ?? throw new BackupRefusedException("Database:Provider is PostgreSQL but ConnectionStrings:Registry is not set")));

    private async Task<(IReadOnlyList<TableDigest>, long, string?)> DumpPostgreSqlAsync(string snapshot, CancellationToken ct)
    {
        var settings = PostgreSqlSettings();
        await using var connection = new NpgsqlConnection(settings.ToString());
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction)) await readOnly.ExecuteNonQueryAsync(ct);
        string snapshotId;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
            snapshotId = (string)(await export.ExecuteScalarAsync(ct))!;
        // pg_dump reads the same snapshot while this transaction keeps it alive.
        await RunAsync("pg_dump", settings, ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshotId}", $"--file={snapshot}"], ct);
        var tables = await TableManifest.ComputeAsync(connection, transaction, DatabaseProvider.PostgreSQL, ct);
        var (lines, head) = await ChainHeadAsync(connection, transaction, ct);
        await transaction.CommitAsync(ct);
        return (tables, lines, head);
    }

    private async Task RestorePostgreSqlAsync(string snapshot, BackupManifest manifest, CancellationToken ct)
    {
        var settings = PostgreSqlSettings();
        // The archive must read as one before the target is touched.
        await RunAsync("pg_restore", settings, ["--list", snapshot], ct, withDatabase: false);
        await using var connection = new NpgsqlConnection(settings.ToString());
        await connection.OpenAsync(ct);
        await using (var count = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
                      AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f'))
                 + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public')
            """, connection))
        {
            if ((long)(await count.ExecuteScalarAsync(ct))! > 0)
                throw new BackupRefusedException($"the target database {settings.Database} is not empty: restore only into an empty database");
        }
        await RunAsync("pg_restore", settings, ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", $"--dbname={settings.Database}", snapshot], ct, withDatabase: false);
        var restored = await TableManifest.ComputeAsync(connection, null, DatabaseProvider.PostgreSQL, ct);
        if (TableManifest.FirstDifference(manifest.Tables, restored) is { } difference)
        {
            // Leave the target as it was found: empty.
            await using (var drop = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection)) await drop.ExecuteNonQueryAsync(ct);
            throw new BackupRefusedException($"the restored database does not match the backup's manifest ({difference}); the restore was undone");
        }
    }

    /// <summary>Runs a PostgreSQL client program with the connection in its environment (never a password on the command line).</summary>
    private static async Task RunAsync(string program, NpgsqlConnectionStringBuilder settings, IEnumerable<string> arguments, CancellationToken ct, bool withDatabase = true)
    {
        var info = new ProcessStartInfo(program, withDatabase ? [.. arguments, $"--dbname={settings.Database}"] : arguments)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (settings.Host is { } host) info.Environment["PGHOST"] = host;
        info.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (settings.Username is { } user) info.Environment["PGUSER"] = user;
        if (settings.Password is { } password) info.Environment["PGPASSWORD"] = password;
        if (settings.Database is { } database) info.Environment["PGDATABASE"] = database;
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupRefusedException($"{program} was not found: install the PostgreSQL client (apt-get install postgresql-client)");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            await output;
            if (process.ExitCode != 0)
                throw new BackupRefusedException($"{program} failed: {(await error).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim()}");
        }
    }

    // ---------- Shared ----------

    private static async Task<(long Lines, string? Head)> ChainHeadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """SELECT "ChainSeq", "Chain" FROM "AuditEntries" WHERE "ChainSeq" IS NOT NULL ORDER BY "ChainSeq" DESC LIMIT 1""";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, null);
    }

    private IEnumerable<string> DataProtectionKeyFiles() =>
        DataProtectionFolder is { } folder && Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal)
            : [];

    /// <summary>Key files from a backup go into <c>DataProtection:KeysPath</c> when it is set; an existing file is never replaced.</summary>
    private void RestoreDataProtectionKeys(IReadOnlyList<(string Name, byte[] Bytes)> keyFiles)
    {
        if (keyFiles.Count == 0 || DataProtectionFolder is not { } folder) return;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        foreach (var (name, bytes) in keyFiles)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path)) File.WriteAllBytes(path, bytes);
        }
    }

    private static void WriteEntry(Stream payload, string name, byte[] bytes)
    {
        WriteEntryHeader(payload, name, bytes.Length);
        payload.Write(bytes);
    }

    private static async Task WriteEntryAsync(Stream payload, string name, Stream content, CancellationToken ct)
    {
        WriteEntryHeader(payload, name, content.Length);
        await content.CopyToAsync(payload, ct);
    }

    private static void WriteEntryHeader(Stream payload, string name, long length)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        Span<byte> header = stackalloc byte[10];
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)nameBytes.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[2..], length);
        payload.Write(header[..2]);
        payload.Write(nameBytes);
        payload.Write(header[2..]);
    }

    private static void WriteEnd(Stream payload) => payload.Write([0, 0]);

    private static async Task<(BackupManifest, IReadOnlyList<(string, byte[])>)> ReadPayloadAsync(string payloadPath, string snapshot, CancellationToken ct)
    {
        BackupManifest? manifest = null;
        var keys = new List<(string, byte[])>();
        var sawDatabase = false;
        await using var payload = File.OpenRead(payloadPath);
        var lengths = new byte[8];
        while (true)
        {
            var nameLength = new byte[2];
            payload.ReadExactly(nameLength);
            var n = BinaryPrimitives.ReadUInt16LittleEndian(nameLength);
            if (n == 0) break;
            var nameBytes = new byte[n];
            payload.ReadExactly(nameBytes);
            var name = Encoding.UTF8.GetString(nameBytes);
            payload.ReadExactly(lengths);
            var length = BinaryPrimitives.ReadInt64LittleEndian(lengths);
            if (length < 0 || length > payload.Length - payload.Position) throw new BackupRefusedException("the backup's contents are malformed");
            if (name == DatabaseEntry)
            {
                await using var output = new FileStream(snapshot, FileMode.CreateNew, FileAccess.Write);
                await CopyAsync(payload, output, length, ct);
                sawDatabase = true;
            }
            else
            {
                if (length > 64 << 20) throw new BackupRefusedException("the backup's contents are malformed");
                var bytes = new byte[length];
                payload.ReadExactly(bytes);
                if (name == ManifestEntry) manifest = JsonSerializer.Deserialize<BackupManifest>(bytes, Json);
                else if (name.StartsWith(KeysEntryPrefix, StringComparison.Ordinal) && name[KeysEntryPrefix.Length..] is { Length: > 0 } keyName
                    && keyName == Path.GetFileName(keyName) && keyName.EndsWith(".xml", StringComparison.Ordinal))
                    keys.Add((keyName, bytes));
                else throw new BackupRefusedException($"the backup holds an unknown part '{name}'");
            }
        }
        if (manifest is null || !sawDatabase) throw new BackupRefusedException("the backup lacks its manifest or its database");
        return (manifest, keys);
    }

    private static async Task CopyAsync(Stream input, Stream output, long length, CancellationToken ct)
    {
        var buffer = new byte[81920];
        while (length > 0)
        {
            var read = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length)), ct);
            if (read == 0) throw new BackupRefusedException("the backup's contents are malformed");
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            length -= read;
        }
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}

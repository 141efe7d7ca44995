using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Auditing;
using CellTherapyCenter.Data.Patients;
using CellTherapyCenter.Web.Features.Backup;
using CellTherapyCenter.Web.Tests.CommandLine;
using CellTherapyCenter.Web.Tests.Database;
using CellTherapyCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Tests.Backup;

/// <summary>
/// <c>backup --to FILE</c> and <c>restore --from FILE</c> (issue 16, item 8) on each database: a
/// backup taken while writers write restores into an empty database with every table as its
/// manifest says; a damaged file, another key and a database that is not empty are refused and
/// nothing is written.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are checked as POSIX modes
public sealed class BackupRestoreTests(RegistryApps apps) : IClassFixture<RegistryApps>, IDisposable
{
    private readonly string _folder = ScratchDirectory.Create("ctc-backup-test-");

    private string KeyFilePath => Path.Combine(_folder, "keys", "backup.key");

    private static Patient NewPatient(string family) => new()
    {
        FamilyName = family, GivenName = "Ana", DateOfBirth = new DateOnly(1970, 5, 1), Sex = Sex.Female,
        Pseudonym = "CTC-" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
    };

    private static string[] Settings(DatabaseProvider provider, string connectionString, string keyFile) =>
    [
        "--Database:Provider", provider.ToString(), "--ConnectionStrings:Registry", connectionString,
        "--Backup:KeyFile", keyFile, "--Logging:LogLevel:Default", "Warning",
    ];

    /// <summary>A backup of the app's registry taken while writers add patients (each also an audit line).</summary>
    private async Task<string> BackupUnderWritesAsync(RegistryAppFactory app)
    {
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 5; i++) db.Patients.Add(NewPatient("Before"));
            return await db.SaveChangesAsync();
        });
        var file = Path.Combine(_folder, $"registry-{Guid.NewGuid():N}.ctcbak");
        using var stop = new CancellationTokenSource();
        var written = 0;
        var firstWrite = new TaskCompletionSource();
        var writers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await app.WithDbAsync(async db =>
                {
                    db.Patients.Add(NewPatient("During"));
                    return await db.SaveChangesAsync();
                });
                Interlocked.Increment(ref written);
                firstWrite.TrySetResult();
            }
        })).ToList();
        await firstWrite.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var run = await WebCommandRun.RunAsync(["backup", "--to", file, .. WebCommandRun.DatabaseOf(app), "--Backup:KeyFile", KeyFilePath]);
        var writtenDuringBackup = Volatile.Read(ref written);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("\"tables\":", run.Out);
        Assert.True(writtenDuringBackup > 0);
        return file;
    }

    [Theory, EveryDatabase]
    public async Task A_backup_taken_under_writes_restores_into_an_empty_database_table_for_table(DatabaseProvider database)
    {
        var app = apps[database];
        var file = await BackupUnderWritesAsync(app);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFilePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var manifest = await RegistryBackup.ReadManifestAsync(file, KeyFile.Load(KeyFilePath), CancellationToken.None);
        Assert.Equal(database.ToString(), manifest.Provider);
        Assert.Contains(manifest.Tables, t => t.Table == "Patients" && t.Rows >= 6);

        await using var target = await FreshDatabase.CreateAsync(database);
        var run = await WebCommandRun.RunAsync(["restore", "--from", file, .. Settings(database, target.ConnectionString, KeyFilePath)]);
        Assert.True(run.Exit == 0, run.Err);

        // Every table of the restored database as the manifest says, computed here independently.
        await using var db = target.Context();
        await db.Database.OpenConnectionAsync();
        var restored = await TableManifest.ComputeAsync(db.Database.GetDbConnection(), null, database, CancellationToken.None);
        Assert.Equal(manifest.Tables, restored);
        var chain = await AuditChain.VerifyAsync(db);
        Assert.True(chain.Intact, chain.Summary);
        Assert.Equal((manifest.AuditChainLines, manifest.AuditChainHead), (chain.LinesChecked, chain.Head));
        // The app's writers went on after the snapshot: the restored registry is the snapshot, not the live one.
        Assert.True(await db.Patients.CountAsync() <= await app.WithDbAsync(live => live.Patients.CountAsync()));
    }

    [Theory, EveryDatabase]
    public async Task A_damaged_file_another_key_and_a_database_that_is_not_empty_are_refused_and_nothing_written(DatabaseProvider database)
    {
        var app = apps[database];
        var file = await BackupUnderWritesAsync(app);
        await using var target = await FreshDatabase.CreateAsync(database);

        // One byte flipped in the middle of the file.
        var damaged = Path.Combine(_folder, "damaged.ctcbak");
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(damaged, bytes);
        var flipped = await WebCommandRun.RunAsync(["restore", "--from", damaged, .. Settings(database, target.ConnectionString, KeyFilePath)]);
        Assert.Equal((1, ""), (flipped.Exit, flipped.Out));
        Assert.Matches(@"^error: the backup is (damaged or altered|cut short) \(.*chunk \d+.*\)$", flipped.Err.Trim());

        // Its end cut off.
        var cut = Path.Combine(_folder, "cut.ctcbak");
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(cut, bytes[..^10]);
        var shortened = await WebCommandRun.RunAsync(["restore", "--from", cut, .. Settings(database, target.ConnectionString, KeyFilePath)]);
        Assert.Equal(1, shortened.Exit);
        Assert.StartsWith("error: the backup is cut short", shortened.Err);

        // Another key.
        var otherKey = Path.Combine(_folder, "other", "backup.key");
        KeyFile.LoadOrCreate(otherKey);
        var wrongKey = await WebCommandRun.RunAsync(["restore", "--from", file, .. Settings(database, target.ConnectionString, otherKey)]);
        Assert.Equal((1, "error: the backup was made with another key than the one in the key file"), (wrongKey.Exit, wrongKey.Err.Trim()));

        // None of them wrote anything.
        Assert.Equal(0, await TableCountAsync(target));

        // A database that is not empty: the app's own, left exactly as it was.
        var before = await ManifestOfAsync(app);
        var notEmpty = await WebCommandRun.RunAsync(["restore", "--from", file, .. WebCommandRun.DatabaseOf(app), "--Backup:KeyFile", KeyFilePath]);
        Assert.Equal(1, notEmpty.Exit);
        Assert.Matches("^error: the target database .* is not empty: restore only into an empty database$", notEmpty.Err.Trim());
        Assert.Equal(before, await ManifestOfAsync(app));
    }

    [Fact]
    public void A_new_SQLite_database_and_its_folder_are_the_owners_only()
    {
        var folder = Path.Combine(_folder, "new-data");
        var connectionString = DatabaseSetup.SqliteConnectionString(null, Path.Combine(folder, "registry.db"));
        Assert.Contains("registry.db", connectionString);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "registry.db")));
    }

    [Fact]
    public void A_key_file_others_may_read_is_refused()
    {
        var path = Path.Combine(_folder, "loose", "backup.key");
        KeyFile.LoadOrCreate(path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var refused = Assert.Throws<BackupRefusedException>(() => KeyFile.Load(path));
        Assert.Contains("chmod 600", refused.Message);
    }

    private static async Task<IReadOnlyList<TableDigest>> ManifestOfAsync(RegistryAppFactory app) => await app.WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        return await TableManifest.ComputeAsync(db.Database.GetDbConnection(), null, app.Provider, CancellationToken.None);
    });

    private static async Task<int> TableCountAsync(FreshDatabase database)
    {
        await using var db = database.Context();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = database.Provider == DatabaseProvider.PostgreSQL
            ? "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
            : "SELECT count(*) FROM sqlite_master";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

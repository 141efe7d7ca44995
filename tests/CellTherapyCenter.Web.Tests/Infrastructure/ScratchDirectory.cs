namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>
/// Temporary directories for test databases, in memory (/dev/shm) when the machine has it: SQLite
/// syncs every commit (synchronous=FULL) and PostgreSQL writes its WAL, and on a shared disk those
/// syncs were where much of a test run waited. The databases are deleted after their tests, and the
/// app's own settings are unchanged, so nothing a test checks is weakened.
/// </summary>
public static class ScratchDirectory
{
    private const string InMemory = "/dev/shm";

    public static string Create(string prefix) => OperatingSystem.IsLinux() && Directory.Exists(InMemory)
        ? Directory.CreateDirectory(Path.Combine(InMemory, prefix + Guid.NewGuid().ToString("N")[..12]),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName
        : Directory.CreateTempSubdirectory(prefix).FullName;
}

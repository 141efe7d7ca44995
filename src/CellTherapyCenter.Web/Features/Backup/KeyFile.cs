using System.Security.Cryptography;
using System.Text;

namespace CellTherapyCenter.Web.Features.Backup;

/// <summary>
/// A 256-bit key in a file of its own (base64, one line): the backup key (<c>Backup:KeyFile</c>)
/// and the key that encrypts the data protection keys (<c>DataProtection:KeyFile</c>). Made on
/// first use with mode 0600 in a folder made 0700; a key file that others may read is refused,
/// as ssh refuses such a private key.
/// </summary>
public static class KeyFile
{
    public const int KeyBytes = 32;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The key in the file, made now (and the file with it) when there is none.</summary>
    public static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
                else Directory.CreateDirectory(directory, OwnerOnlyFolder);
            }
            var key = RandomNumberGenerator.GetBytes(KeyBytes);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
                using var file = new FileStream(path, options);
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n"));
                file.Flush(flushToDisk: true);
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first: use theirs.
            }
        }
        return Load(path);
    }

    /// <summary>The key in an existing file, or a <see cref="BackupRefusedException"/> saying what is wrong with it.</summary>
    public static byte[] Load(string path)
    {
        if (!File.Exists(path)) throw new BackupRefusedException($"the key file {path} does not exist");
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~(OwnerOnly | UnixFileMode.UserExecute)) != 0)
            throw new BackupRefusedException($"the key file {path} may be read by others: make it the owner's only (chmod 600)");
        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            throw new BackupRefusedException($"the key file {path} does not hold a key");
        }
        return key.Length == KeyBytes ? key : throw new BackupRefusedException($"the key file {path} does not hold a 256-bit key");
    }
}

/// <summary>A backup, restore or key refused for a reason the operator can act on; the message is one line.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);

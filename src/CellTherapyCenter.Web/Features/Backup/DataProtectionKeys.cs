using System.Security.Cryptography;
using System.Xml.Linq;
using CellTherapyCenter.Data;
using CellTherapyCenter.Data.Identity;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;

namespace CellTherapyCenter.Web.Features.Backup;

/// <summary>
/// The data protection keys (they sign the sign-in cookies and antiforgery tokens) in the registry's
/// <see cref="DataProtectionKey"/> table, so every instance shares them and a backup carries them.
/// </summary>
internal sealed class RegistryXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        // The interface is synchronous and the registry saves only asynchronously; this runs once per key (every 90 days).
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

/// <summary>The key that encrypts the data protection keys at rest (<c>DataProtection:KeyFile</c>), read once.</summary>
public sealed class DataProtectionKeyFile(string path)
{
    public const string DefaultPath = "data/keys/data-protection.key";
    private readonly Lazy<byte[]> _key = new(() => KeyFile.LoadOrCreate(path));

    public string Path { get; } = path;

    internal byte[] Key => _key.Value;
}

/// <summary>
/// Encrypts each data protection key with AES-256-GCM under <see cref="DataProtectionKeyFile"/>
/// before it is stored (in the database or the folder): a copy of the database, or of a backup
/// opened with the backup key, does not by itself give the keys that sign cookies.
/// </summary>
internal sealed class KeyFileXmlEncryptor(DataProtectionKeyFile keyFile) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[12 + plain.Length + 16];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, 12));
        using var aes = new AesGcm(keyFile.Key, 16);
        aes.Encrypt(sealedBytes.AsSpan(0, 12), plain, sealedBytes.AsSpan(12, plain.Length), sealedBytes.AsSpan(12 + plain.Length));
        var element = new XElement("encryptedKey",
            new XComment(" This key is encrypted with AES-256-GCM under DataProtection:KeyFile. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }
}

/// <summary>Made by data protection from the type named in the stored key, with the app's services.</summary>
internal sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var plain = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(services.GetRequiredService<DataProtectionKeyFile>().Key, 16);
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(12, plain.Length), sealedBytes.AsSpan(12 + plain.Length), plain);
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
    }
}

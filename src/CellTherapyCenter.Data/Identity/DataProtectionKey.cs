using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CellTherapyCenter.Data.Identity;

/// <summary>
/// One ASP.NET Core data protection key (the keys that sign cookies and antiforgery tokens) as
/// its XML element, already encrypted by the app (<c>Features/Backup/DataProtectionKeys</c>): kept
/// in the registry so every instance shares them and a backup carries them.
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.FriendlyName).HasMaxLength(100);
        b.Property(x => x.Xml).HasMaxLength(FieldLengths.KeyXml);
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CellTherapyCenter.Data.History;

/// <summary>
/// Writes a record's replaced version into <see cref="RecordVersion"/> and reads one back as a
/// detached record. Values are kept as the database stores them (after value conversion, complex
/// properties' members under their own names), so every property type the model maps round-trips.
/// </summary>
public static class RecordHistory
{
    /// <summary>The version a save is replacing, from the entry's original values.</summary>
    internal static RecordVersion Replaced(EntityEntry entry, RegistryRecord record, DateTime now)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in Columns(entry))
            values[property.Metadata.Name] = ToProvider(property.Metadata, property.OriginalValue);
        var stamp = (Guid)entry.Property(nameof(RegistryRecord.ConcurrencyStamp)).OriginalValue!;
        var updated = (DateTime?)entry.Property(nameof(RegistryRecord.UpdatedAt)).OriginalValue;
        var created = (DateTime)entry.Property(nameof(RegistryRecord.CreatedAt)).OriginalValue!;
        return new RecordVersion
        {
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = record.Id,
            PatientId = record.AuditPatientId,
            VersionId = stamp,
            ValidFrom = updated ?? created,
            ValidTo = now,
            Values = JsonSerializer.Serialize(values),
        };
    }

    /// <summary>The record as it was in this version, detached (never saved back).</summary>
    public static RegistryRecord Materialize(DbContext db, Type recordType, RecordVersion version)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(version);
        var record = (RegistryRecord)Activator.CreateInstance(recordType)!;
        var entry = db.Entry(record);
        using var json = JsonDocument.Parse(version.Values);
        foreach (var property in Columns(entry))
        {
            if (!json.RootElement.TryGetProperty(property.Metadata.Name, out var element)) continue;
            property.CurrentValue = FromProvider(property.Metadata, element);
        }
        return record;
    }

    private static IEnumerable<PropertyEntry> Columns(EntityEntry entry) =>
        entry.Properties.Concat(entry.ComplexProperties.SelectMany(ComplexColumns));

    private static IEnumerable<PropertyEntry> ComplexColumns(ComplexPropertyEntry complex) =>
        complex.Properties.Concat(complex.ComplexProperties.SelectMany(ComplexColumns));

    private static object? ToProvider(IProperty property, object? value) =>
        value is null ? null : property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;

    private static object? FromProvider(IProperty property, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null) return null;
        var converter = property.GetTypeMapping().Converter;
        var type = converter?.ProviderClrType ?? property.ClrType;
        var value = element.Deserialize(Nullable.GetUnderlyingType(type) ?? type);
        return converter is null ? value : converter.ConvertFromProvider(value);
    }
}

using System.Text;
using System.Text.Json;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>JSON output helpers: a number R would print as NA, NaN or Inf is written as null.</summary>
internal static class Json
{
    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            body(writer);
        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    public static void Number(this Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }

    public static void Numbers(this Utf8JsonWriter writer, string name, IEnumerable<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
            if (double.IsFinite(v)) writer.WriteNumberValue(v); else writer.WriteNullValue();
        writer.WriteEndArray();
    }

    /// <summary>Group labels in R's factor order: numerically when every label is a number, otherwise as text.</summary>
    public static IReadOnlyList<string> InROrder(IEnumerable<string> groups)
    {
        var distinct = groups.Distinct().ToList();
        return distinct.All(g => double.TryParse(g, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            ? distinct.OrderBy(g => double.Parse(g, System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : distinct.Order(StringComparer.Ordinal).ToList();
    }
}

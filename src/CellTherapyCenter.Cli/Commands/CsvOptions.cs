using System.CommandLine;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>The options that name a CSV file and its columns, worded alike in every stats command.</summary>
internal static class CsvOptions
{
    public static Option<string> File() => CommandOption.Text("--csv", "FILE",
        "the CSV file: UTF-8, comma-separated, a header row naming the columns, every row with as many fields as the header");

    public static Option<string> Column(string name, string description, bool required = true) =>
        CommandOption.Text(name, "COL", description, required);

    public static Option<string> Time() => Column("--time", "the column of follow-up times (not negative)");

    public static Option<string> Event() => Column("--event", "the column of events: 0/1 or false/true");
}

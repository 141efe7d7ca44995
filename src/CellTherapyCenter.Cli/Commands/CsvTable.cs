using System.Buffers;
using System.Text;
using CellTherapyCenter.Web.CommandLine;

namespace CellTherapyCenter.Cli.Commands;

/// <summary>One data row of a CSV file: the line it starts on and its fields, as many as the header's.</summary>
internal readonly record struct CsvRow(int Line, string[] Fields);

/// <summary>
/// A CSV file with a header row, read strictly (RFC 4180, UTF-8, comma-separated, a field quoted
/// with " and a quote inside it doubled). Anything malformed stops the reading with the line, and
/// the column where there is one: bytes that are not UTF-8, a quote that is never closed, a quote
/// inside an unquoted field or text after a closing quote, a row with fewer or more fields than the
/// header, an empty file, a header without a column that was asked for. Nothing is guessed and no
/// row is skipped unseen, but for blank lines. Spaces and tabs around a field are dropped (inside
/// quotes they are kept).
/// </summary>
/// <remarks>
/// Written by hand rather than through CsvHelper's reader: that one reports a short row or a stray
/// quote as an exception that names neither the line the row starts on nor the column, runs an
/// unclosed quote on to the end of the file, and accepts a row with an extra field.
/// </remarks>
internal sealed class CsvTable
{
    private readonly string _path;

    private readonly string[] _header;

    private CsvTable(string path, string[] header, List<CsvRow> rows)
    {
        _path = path;
        _header = header;
        Rows = rows;
    }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Reads the file, which must name each of <paramref name="columns"/> in its header exactly once.</summary>
    public static CsvTable Read(string path, IEnumerable<string> columns)
    {
        if (!File.Exists(path)) throw new CliException($"no such file: {path}");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
        var text = Decode(path, bytes);
        var records = new Tokenizer(text);
        if (!records.Next(out var headerLine, out var header))
            throw new CliException($"line 1: {path} is empty: a header row naming the columns is needed");
        foreach (var column in columns)
        {
            var at = header.Select((name, i) => (name, i)).Where(h => h.name == column).Select(h => h.i + 1).ToList();
            if (at.Count == 0)
                throw new CliException($"line {headerLine}: {path} has no column '{column}' (columns: {string.Join(", ", header)}); the first row must be a header naming the columns");
            if (at.Count > 1)
                throw new CliException($"line {headerLine}: {path} names column '{column}' more than once (columns {string.Join(" and ", at)})");
        }
        records.Names = header;
        var rows = new List<CsvRow>();
        while (records.Next(out var line, out var fields))
        {
            if (fields.Length < header.Length)
                throw new CliException($"line {line}: {Count(fields.Length)} where the header has {header.Length}: {Column(fields.Length + 1, header)} is missing");
            if (fields.Length > header.Length)
                throw new CliException($"line {line}: {Count(fields.Length)} where the header has {header.Length}: column {header.Length + 1} has no name (a comma inside a value must be quoted)");
            rows.Add(new CsvRow(line, fields));
        }
        return new CsvTable(path, header, rows);
    }

    /// <summary>The position of a column that <see cref="Read"/> was asked for.</summary>
    public int IndexOf(string column) => Array.IndexOf(_header, column);

    /// <summary>Refuses a file with a header and no data rows.</summary>
    public void RequireRows()
    {
        if (Rows.Count == 0) throw new CliException($"{_path} has no rows");
    }

    /// <summary>"column 2 (e)", or "column 2" for a column without a name.</summary>
    private static string Column(int number, string[] names) =>
        number <= names.Length && names[number - 1].Length > 0 ? $"column {number} ({names[number - 1]})" : $"column {number}";

    private static string Count(int fields) => fields == 1 ? "1 field" : $"{fields} fields";

    /// <summary>The file's text as UTF-8 (a byte order mark is dropped); the first byte that is not UTF-8 is named by line and character.</summary>
    private static string Decode(string path, byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
            throw new CliException($"line 1: {path} is UTF-16: save it as UTF-8");
        ReadOnlySpan<byte> rest = bytes;
        if (rest.StartsWith("\uFEFF"u8)) rest = rest[3..];
        var body = rest;
        int line = 1, character = 1;
        var afterCarriageReturn = false;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(rest, out var rune, out var consumed) != OperationStatus.Done)
                throw new CliException($"line {line}, character {character}: byte 0x{rest[0]:X2} is not UTF-8 (save the file as UTF-8)");
            rest = rest[consumed..];
            // Lines are counted as the tokenizer counts them: \n, \r\n and a lone \r end a line.
            if (rune.Value == '\n' && afterCarriageReturn) { afterCarriageReturn = false; continue; }
            afterCarriageReturn = rune.Value == '\r';
            if (rune.Value is '\n' or '\r') { line++; character = 1; }
            else character++;
        }
        return Encoding.UTF8.GetString(body);
    }

    /// <summary>Splits the text into records of fields, keeping the line each record starts on.</summary>
    private sealed class Tokenizer(string text)
    {
        private int _at;
        private int _line = 1;
        private int _lineStart;

        private int Character => _at - _lineStart + 1;

        /// <summary>The header's names, once it is read, to name the column of a fault.</summary>
        public string[] Names { get; set; } = [];

        /// <summary>The next record that is not a blank line; false at the end of the text.</summary>
        public bool Next(out int line, out string[] fields)
        {
            while (true)
            {
                SkipSpaces();
                if (_at >= text.Length) { line = _line; fields = []; return false; }
                if (!AtLineEnd()) break;
                EndLine();
            }
            line = _line;
            var list = new List<string>();
            while (true)
            {
                list.Add(Field(list.Count + 1));
                if (_at >= text.Length) break;
                if (text[_at] == ',') { _at++; continue; }
                EndLine();
                break;
            }
            fields = [.. list];
            return true;
        }

        private string Column(int number) => CsvTable.Column(number, Names);

        /// <summary>One field, quoted or not, without the spaces around it; the reader stops at the comma or line end after it.</summary>
        private string Field(int number)
        {
            SkipSpaces();
            if (_at < text.Length && text[_at] == '"') return Quoted(number);
            var start = _at;
            while (_at < text.Length && text[_at] != ',' && !AtLineEnd())
            {
                if (text[_at] == '"')
                    throw new CliException($"line {_line}, {Column(number)}: a quote inside an unquoted value (quote the whole value, and double each quote inside it)");
                _at++;
            }
            return text[start.._at].Trim(' ', '\t');
        }

        private string Quoted(int number)
        {
            var (openLine, openCharacter) = (_line, Character);
            _at++;
            var value = new StringBuilder();
            while (true)
            {
                if (_at >= text.Length)
                    throw new CliException($"line {openLine}, {Column(number)}: the quote opened at character {openCharacter} is never closed");
                var c = text[_at];
                if (c == '"')
                {
                    if (_at + 1 < text.Length && text[_at + 1] == '"') { value.Append('"'); _at += 2; continue; }
                    _at++;
                    break;
                }
                if (AtLineEnd())
                {
                    // A line break inside quotes belongs to the value.
                    var from = _at;
                    EndLine();
                    value.Append(text, from, _at - from);
                    continue;
                }
                value.Append(c);
                _at++;
            }
            SkipSpaces();
            if (_at < text.Length && text[_at] != ',' && !AtLineEnd())
                throw new CliException($"line {_line}, {Column(number)}: text after the closing quote (double each quote inside a quoted value)");
            return value.ToString();
        }

        private void SkipSpaces()
        {
            while (_at < text.Length && text[_at] is ' ' or '\t') _at++;
        }

        private bool AtLineEnd() => _at < text.Length && text[_at] is '\n' or '\r';

        /// <summary>Steps over one line end (\n, \r\n or \r).</summary>
        private void EndLine()
        {
            if (text[_at] == '\r' && _at + 1 < text.Length && text[_at + 1] == '\n') _at++;
            _at++;
            _line++;
            _lineStart = _at;
        }
    }
}

using System.Text.Json;
using CellTherapyCenter.Web.Features.Fhir.Smart;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace CellTherapyCenter.Web.Features.Fhir.Export;

/// <summary>
/// One ndjson file being written: under a temporary name, one resource a line serialised straight
/// into the file (Utf8JsonWriter), then flushed to disk (fsync) and renamed to its final name, so
/// a file under a final name is always whole. A file never finished is deleted.
/// </summary>
public sealed class NdjsonFile : IAsyncDisposable
{
    public const string TemporarySuffix = ".tmp";
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _writer;
    private bool _finished;

    public NdjsonFile(string folder, string name)
    {
        FinalPath = Path.Combine(folder, name);
        TemporaryPath = FinalPath + TemporarySuffix;
        Name = name;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 16 };
        // Health data: the owner only, as the database's folder.
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        _stream = new FileStream(TemporaryPath, options);
        _writer = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = false, SkipValidation = true });
    }

    public string Name { get; }
    public string FinalPath { get; }
    public string TemporaryPath { get; }
    public long Count { get; private set; }

    public void Write(Resource resource)
    {
        JsonSerializer.Serialize(_writer, resource, resource.GetType(), FhirResults.Json);
        _writer.Flush();
        _stream.WriteByte((byte)'\n');
        _writer.Reset();
        Count++;
    }

    /// <summary>Flushes the file to disk and gives it its final name; only then may the job row record it.</summary>
    public async Task FinishAsync()
    {
        await _writer.DisposeAsync();
        // fsync: there is no asynchronous form of it.
#pragma warning disable CA1849
        _stream.Flush(flushToDisk: true);
#pragma warning restore CA1849
        await _stream.DisposeAsync();
        File.Move(TemporaryPath, FinalPath, overwrite: true);
        _finished = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished) return;
        try
        {
            await _writer.DisposeAsync();
        }
        catch (IOException) { /* the unfinished file is deleted anyway */ }
        catch (ObjectDisposedException) { }
        await _stream.DisposeAsync();
        File.Delete(TemporaryPath);
    }
}

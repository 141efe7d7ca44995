using System.Diagnostics.CodeAnalysis;

// A StringWriter holds no unmanaged resource; the command table is being replaced (issue 13, item 9).
[assembly: SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope",
    Scope = "member", Target = "~M:CellTherapyCenter.Cli.CliApp.RunAsync(System.String[],System.IO.TextWriter,System.IO.TextWriter)~System.Threading.Tasks.Task{System.Int32}",
    Justification = "StringWriter owns no unmanaged resource.")]

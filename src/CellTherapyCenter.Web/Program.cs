using CellTherapyCenter.Web.CommandLine;
using CellTherapyCenter.Web.Infrastructure;

if (await WebCommands.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode) return exitCode;

var builder = WebApplication.CreateBuilder(args);
builder.AddCellTherapyCenter();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseCellTherapyCenter();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;

using CellTherapyCenter.Web.Features.Demo;
using CellTherapyCenter.Web.Infrastructure;

if (await DemoCommand.TryRunAsync(args) is { } exitCode) return exitCode;
if (await CellTherapyCenter.Web.Features.FollowUp.FollowUpCommand.TryRunAsync(args) is { } passExitCode) return passExitCode;

var builder = WebApplication.CreateBuilder(args);
builder.AddCellTherapyCenter();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseCellTherapyCenter();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;

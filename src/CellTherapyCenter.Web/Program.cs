using CellTherapyCenter.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddCellTherapyCenter();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseCellTherapyCenter();
app.Run();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;

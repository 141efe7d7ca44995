namespace CellTherapyCenter.Web.Tests.Infrastructure;

/// <summary>The checkout the tests run from, for tests that read the sources and docs themselves.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string WebProject => System.IO.Path.Combine(Path, "src", "CellTherapyCenter.Web");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CellTherapyCenter.slnx")))
                return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (CellTherapyCenter.slnx) was not found above " + AppContext.BaseDirectory);
    }
}

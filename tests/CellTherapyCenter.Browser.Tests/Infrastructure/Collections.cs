namespace CellTherapyCenter.Browser.Tests.Infrastructure;

/// <summary>Browser tests against an empty registry (administrator only). One Chromium and one app for the collection.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumBrowser>, ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser, empty registry";
}

/// <summary>Browser tests against a registry with the synthetic demo cohort. One Chromium and one app for the collection.</summary>
[CollectionDefinition(Name)]
public sealed class DemoBrowserCollection : ICollectionFixture<ChromiumBrowser>, ICollectionFixture<DemoBrowserApp>
{
    public const string Name = "Browser, demo registry";
}

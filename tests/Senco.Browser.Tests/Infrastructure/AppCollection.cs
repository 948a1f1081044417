namespace Senco.Browser.Tests.Infrastructure;

/// <summary>
/// Tests in this collection share one running app and one browser (starting them takes seconds):
/// [Collection(AppCollection.Name)] and take (AppServer app, BrowserFixture browser) in the constructor.
/// Tests of one collection run one after another; AssemblyInfo.cs makes collections do so too.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Senco app in Chromium";
}

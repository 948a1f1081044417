using Senco.Web;

var app = SencoApp.Build(args);
await SencoApp.PrepareAsync(app);
await app.RunAsync();

/// Exposed for WebApplicationFactory in the tests.
public partial class Program;

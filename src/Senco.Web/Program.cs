using Senco.Web;
using Senco.Web.Features.Operations;

// Operator commands (audit verify, backup, restore) share the app's settings but never start the web server.
if (OperationsCli.IsCommand(args)) return await OperationsCli.RunAsync(args);

var app = SencoApp.Build(args);
await SencoApp.PrepareAsync(app);
await app.RunAsync();
return 0;

/// Exposed for WebApplicationFactory in the tests.
public partial class Program;

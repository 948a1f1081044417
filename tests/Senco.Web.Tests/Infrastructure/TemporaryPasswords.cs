using System.Net;
using System.Net.Http.Json;

namespace Senco.Web.Tests.Infrastructure;

/// A password an administrator sets is temporary (ASVS 2.3.1): fixtures create people with <see cref="Temporary"/> and
/// then, as the person, choose the password the tests sign in with, through the API as a client would.
public static class TemporaryPasswords
{
    public const string Temporary = "a temporary password from the administrator";

    public static async Task ChooseOwnAsync(HttpClient client, string email, string chosen, string temporary = Temporary)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/password")
        {
            Content = JsonContent.Create(new { email, currentPassword = temporary, newPassword = chosen }),
        };
        using var r = await client.SendAsync(request);
        if (r.StatusCode != HttpStatusCode.NoContent)
            throw new InvalidOperationException($"Choosing a password for {email}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }

    /// The problem an API call answered, after checking its status.
    public static async Task<System.Text.Json.Nodes.JsonObject> ProblemAsync(this Task<HttpResponseMessage> call, HttpStatusCode status) =>
        await (await call).ShouldBeProblem(status);
}

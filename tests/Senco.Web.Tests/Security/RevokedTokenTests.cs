using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core.Access;
using Senco.Data;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Security;

/// "Sign out everywhere", a locked account and a deleted account: a bearer token issued before must stop working.
public sealed class RevokedTokenTests(TestWorld world) : IClassFixture<TestWorld>
{
    private async Task WithUserManager(string email, Func<UserManager<SencoUser>, SencoUser, Task<IdentityResult>> action)
    {
        using var scope = world.Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().RestrictToSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SencoUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        var result = await action(users, user);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
    }

    private async Task<(string Email, HttpClient Client)> SignedInSenco()
    {
        var email = await world.NewUserAsync((SchoolRole.Senco, "A"));
        var client = world.Anonymous();
        client.UseBearer(await world.FetchTokenAsync(email, TestWorld.Password));
        // The token works before anything happens to the account.
        await client.GetAsync($"/api/v1/pupils/{world.BasePupil("A", "K").Id}").Expect(HttpStatusCode.OK);
        return (email, client);
    }

    private async Task AssertEveryCallIs401(HttpClient client)
    {
        var pupil = world.BasePupil("A", "K");
        var before = await ReadAsSenco(pupil.Id);
        var calls = new (string Name, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("GET /schools", () => client.GetAsync("/api/v1/schools")),
            ("GET /pupils/{id}", () => client.GetAsync($"/api/v1/pupils/{pupil.Id}")),
            ("GET /schools/{urn}/register", () => client.GetAsync($"/api/v1/schools/{world.A.Urn}/register")),
            ("GET /schools/{urn}/register.csv", () => client.GetAsync($"/api/v1/schools/{world.A.Urn}/register.csv")),
            ("PUT /pupils/{id}/sen", () => client.PutJson($"/api/v1/pupils/{pupil.Id}/sen", TestWorld.SenBody("E", ["ASD"], TestWorld.Today, "with a revoked token"))),
        };
        var answers = new List<string>();
        foreach (var (name, send) in calls)
        {
            var r = await send();
            if (r.StatusCode != HttpStatusCode.Unauthorized)
                answers.Add($"{name} -> {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            else
                Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        }
        Assert.True(answers.Count == 0, "A revoked token was not refused with 401: " + string.Join(" | ", answers));
        Assert.Equal(before, await ReadAsSenco(pupil.Id));
    }

    private async Task<string> ReadAsSenco(Guid id)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        return (await senco.GetAsync($"/api/v1/pupils/{id}").ExpectJson(HttpStatusCode.OK)).ToJsonString();
    }

    [Fact]
    public async Task After_sign_out_everywhere_the_old_bearer_token_answers_401_and_a_new_sign_in_works()
    {
        var (email, client) = await SignedInSenco();
        using (client)
        {
            await WithUserManager(email, (users, u) => users.UpdateSecurityStampAsync(u));
            await AssertEveryCallIs401(client);
        }
        using var fresh = world.Anonymous();
        fresh.UseBearer(await world.FetchTokenAsync(email, TestWorld.Password));
        await fresh.GetAsync($"/api/v1/schools/{world.A.Urn}/register").Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_of_an_account_that_was_locked_afterwards_answers_401()
    {
        var (email, client) = await SignedInSenco();
        using (client)
        {
            await WithUserManager(email, (users, u) => users.SetLockoutEndDateAsync(u, DateTimeOffset.UtcNow.AddHours(1)));
            await AssertEveryCallIs401(client);
        }
    }

    [Fact]
    public async Task A_token_of_an_account_that_was_deleted_answers_401()
    {
        var (email, client) = await SignedInSenco();
        using (client)
        {
            await WithUserManager(email, (users, u) => users.DeleteAsync(u));
            await AssertEveryCallIs401(client);
        }
    }
}

using System.Net;
using Senco.Core.Access;
using Senco.Web.Tests.Contract;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Security;

/// Two people save the same pupil at the same moment from the same version: one wins, the other is told.
public sealed class ConcurrentEditTests(TestWorld world) : IClassFixture<TestWorld>
{
    [Fact]
    public async Task Two_simultaneous_edits_from_the_same_version_give_exactly_one_200_and_one_409()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        using var assistant = await world.ClientFor(SchoolRole.AssistantSenco, "A");
        var created = await senco.PostJson($"/api/v1/schools/{world.A.Urn}/pupils", TestWorld.PupilBody(world.NewUpn("A"), "Race", "Condition"))
            .ExpectJson(HttpStatusCode.Created);
        var id = created.Str("id");

        for (var round = 0; round < 8; round++)
        {
            var current = await senco.GetAsync($"/api/v1/pupils/{id}").ExpectJson(HttpStatusCode.OK);
            var version = current["version"]!.GetValue<int>();
            var first = PupilsContractTests.EditBody(current, version, surname: $"FromSenco{round}");
            var second = PupilsContractTests.EditBody(current, version, surname: $"FromAssistant{round}");

            using var go = new SemaphoreSlim(0, 2);
            async Task<HttpResponseMessage> Send(HttpClient c, object body)
            {
                await go.WaitAsync();
                return await c.PutJson($"/api/v1/pupils/{id}", body);
            }
            var a = Task.Run(() => Send(senco, first));
            var b = Task.Run(() => Send(assistant, second));
            go.Release(2);
            var results = await Task.WhenAll(a, b);

            var statuses = results.Select(r => (int)r.StatusCode).Order().ToArray();
            Assert.True(statuses.SequenceEqual([200, 409]),
                $"round {round}: expected one 200 and one 409, got {string.Join(", ", statuses)}: " +
                string.Join(" | ", await Task.WhenAll(results.Select(r => r.Content.ReadAsStringAsync()))));

            var winner = results[0].StatusCode == HttpStatusCode.OK ? $"FromSenco{round}" : $"FromAssistant{round}";
            var after = await senco.GetAsync($"/api/v1/pupils/{id}").ExpectJson(HttpStatusCode.OK);
            Assert.Equal(winner, after.Str("surname"));
            Assert.Equal(version + 1, after["version"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Many_simultaneous_sen_changes_are_each_recorded_once_in_history()
    {
        var pupil = world.BasePupil("B", "K");
        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        var before = (await senco.GetAsync($"/api/v1/pupils/{pupil.Id}/sen/history").ExpectJson(HttpStatusCode.OK)).AsArray().Count;
        var clients = new[] { SchoolRole.Senco, SchoolRole.AssistantSenco };
        var tasks = Enumerable.Range(0, 6).Select(async i =>
        {
            using var c = await world.ClientFor(clients[i % 2], "B");
            return await c.PutJson($"/api/v1/pupils/{pupil.Id}/sen", TestWorld.SenBody("K", i % 2 == 0 ? ["SLCN", "ASD"] : ["ASD", "SLCN"], TestWorld.Today, $"Parallel {i}"));
        }).ToList();
        var results = await Task.WhenAll(tasks);
        var ok = results.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(results, r => Assert.Contains((int)r.StatusCode, new[] { 200, 409 }));
        var after = (await senco.GetAsync($"/api/v1/pupils/{pupil.Id}/sen/history").ExpectJson(HttpStatusCode.OK)).AsArray();
        Assert.Equal(before + ok, after.Count);
        var current = await senco.GetAsync($"/api/v1/pupils/{pupil.Id}").ExpectJson(HttpStatusCode.OK);
        Assert.Equal(after[^1]!["needs"]!.ToJsonString(), current["needs"]!.ToJsonString());
    }
}

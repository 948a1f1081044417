using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Senco.Web.Tests.Infrastructure;

/// Small helpers for talking JSON to the API and checking answers against the contract.
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static HttpContent Body(object value) =>
        new StringContent(JsonSerializer.Serialize(value, Json), Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJson(this HttpClient c, string url, object body) => c.PostAsync(url, Body(body));
    public static Task<HttpResponseMessage> PutJson(this HttpClient c, string url, object body) => c.PutAsync(url, Body(body));

    public static async Task<JsonNode> ReadNode(this HttpResponseMessage r)
    {
        var text = await r.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(text) ?? throw new InvalidOperationException("null JSON");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{(int)r.StatusCode} {r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: not JSON: {text}", ex);
        }
    }

    /// Asserts the status, showing the body when it differs so a failure explains itself.
    public static async Task<HttpResponseMessage> Expect(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        var r = await call;
        await r.ShouldBe(status);
        return r;
    }

    public static async Task ShouldBe(this HttpResponseMessage r, HttpStatusCode status)
    {
        if (r.StatusCode != status)
        {
            var body = await r.Content.ReadAsStringAsync();
            Assert.Fail($"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri} answered {(int)r.StatusCode} {r.StatusCode}, expected {(int)status} {status}. Body: {Trim(body)}");
        }
    }

    public static async Task<JsonNode> ExpectJson(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        var r = await call.Expect(status);
        return await r.ReadNode();
    }

    /// An RFC 9457 problem: application/problem+json with a numeric status that matches the response.
    public static async Task<JsonObject> ShouldBeProblem(this HttpResponseMessage r, HttpStatusCode status)
    {
        await r.ShouldBe(status);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var node = (await r.ReadNode()).AsObject();
        Assert.Equal((int)status, node["status"]?.GetValue<int>());
        return node;
    }

    /// A validation problem (400) whose errors name <paramref name="field"/>; returns that field's messages.
    public static async Task<string[]> ShouldBeValidationProblemOn(this HttpResponseMessage r, string field)
    {
        var problem = await r.ShouldBeProblem(HttpStatusCode.BadRequest);
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null, $"No 'errors' object in {problem.ToJsonString()}");
        Assert.True(errors!.ContainsKey(field), $"'errors' does not name '{field}': {errors.ToJsonString()}");
        return errors[field]!.AsArray().Select(m => m!.GetValue<string>()).ToArray();
    }

    public static string[] PropertyNames(this JsonNode node) => node.AsObject().Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();

    public static void ShouldHaveExactlyProperties(this JsonNode node, params string[] names) =>
        Assert.Equal(names.OrderBy(k => k, StringComparer.Ordinal).ToArray(), node.PropertyNames());

    public static void ShouldHaveProperties(this JsonNode node, params string[] names)
    {
        var have = node.PropertyNames();
        var missing = names.Where(n => !have.Contains(n, StringComparer.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, $"Missing {string.Join(", ", missing)} in {node.ToJsonString()}");
    }

    public static string Str(this JsonNode? node, string name) => node?[name]?.GetValue<string>() ?? throw new InvalidOperationException($"no string '{name}' in {node?.ToJsonString()}");

    public static void UseBearer(this HttpClient c, string token) => c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    private static string Trim(string s) => s.Length > 2000 ? s[..2000] + "…" : s;
}

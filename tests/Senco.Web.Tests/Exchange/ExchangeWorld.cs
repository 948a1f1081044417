using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Exchange;

/// Helpers for the data-exchange tests: upload a roll file through the API, start it and wait for the background job.
public static class ImportApi
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string urn, byte[] content, string contentType = "text/csv",
        string source = "Test MIS", bool fullRoll = false, string fileName = "roll.csv")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync($"/api/v1/schools/{urn}/imports/pupils?source={Uri.EscapeDataString(source)}&fullRoll={fullRoll.ToString().ToLowerInvariant()}&fileName={Uri.EscapeDataString(fileName)}", body);
    }

    public static async Task<JsonNode> PreviewAsync(HttpClient client, string urn, string csv, string source = "Test MIS", bool fullRoll = false) =>
        await (await UploadAsync(client, urn, Encoding.UTF8.GetBytes(csv), source: source, fullRoll: fullRoll)).ReadCreatedAsync();

    public static async Task<JsonNode> ReadCreatedAsync(this HttpResponseMessage r)
    {
        await r.ShouldBe(HttpStatusCode.Created);
        return await r.ReadNode();
    }

    /// Starts the import and waits for the background job to finish (polling its status; no timing is asserted).
    public static async Task<JsonNode> ImportAsync(HttpClient client, string urn, string id, bool markMissingOffRoll = false)
    {
        await client.PostJson($"/api/v1/schools/{urn}/imports/pupils/{id}/start", new { markMissingOffRoll }).Expect(HttpStatusCode.Accepted);
        return await WaitAsync(client, urn, id);
    }

    public static async Task<JsonNode> WaitAsync(HttpClient client, string urn, string id)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = await client.GetAsync($"/api/v1/schools/{urn}/imports/pupils/{id}").ExpectJson(HttpStatusCode.OK);
            if (status.Str("status") is "Completed" or "Failed") return status;
            await Task.Delay(100);
        }
        throw new TimeoutException($"import {id} did not finish");
    }

    public static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    public const string Header = "UPN,Legal Surname,Legal Forename,DOB,Gender,NC Year Actual,SEN Provision,Primary Need,Secondary Need,EAL,FSM Eligible,In LA Care,Leaving Date";

    public static string Line(string upn, string surname, string forename, string dob = "14/05/2016", string gender = "F", string year = "4", string sen = "N",
        string primary = "", string secondary = "", string eal = "N", string fsm = "N", string cla = "N", string leaving = "") =>
        string.Join(',', new[] { upn, surname, forename, dob, gender, year, sen, primary, secondary, eal, fsm, cla, leaving }.Select(Quote));

    private static string Quote(string v) => v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using static Senco.Web.Tests.Provision.ProvisionFixture;

namespace Senco.Web.Tests.Provision;

[Collection(ProvisionCollection.Name)]
public class ProvisionCatalogueApiTests(ProvisionFixture app)
{
    [Fact]
    public async Task Create_answers_201_with_the_catalogue_entry()
    {
        var senco = await app.ClientAsync("senco@a.test");
        var r = await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/provisions", new
        {
            name = "Lego therapy (catalogue test)", areaOfNeed = "CommunicationAndInteraction", wave = 2, usualStaffRole = "TeachingAssistant",
            groupSize = 3, sessionsPerWeek = 1, minutesPerSession = 45, weeks = 12, staffHourlyCost = 14.20m, resourceCost = 40m,
        });
        var body = await Expect(r, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/provisions/{body["id"]}", r.Headers.Location?.ToString());
        Assert.Equal("CommunicationAndInteraction", body["areaOfNeed"]!.GetValue<string>());
        Assert.Equal(2, body["wave"]!.GetValue<int>());
        Assert.Equal("167.80", body["usualCost"]!.ToJsonString());   // 14.20 × 0.75 × 12 + 40: two decimals in the JSON
        Assert.Equal(1, body["version"]!.GetValue<int>());

        var list = await Expect(await senco.GetAsync($"/api/v1/schools/{app.SchoolA}/provisions"), HttpStatusCode.OK);
        Assert.Contains(list.AsArray(), p => p!["name"]!.GetValue<string>() == "Lego therapy (catalogue test)");
    }

    [Fact]
    public async Task The_contract_minimum_is_enough()
    {
        var senco = await app.ClientAsync("senco@a.test");
        var r = await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/provisions", new { name = "Quality-first: visual timetables", areaOfNeed = "SensoryPhysical", wave = 1 });
        await Expect(r, HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("""{"name":"","areaOfNeed":"Literacy","wave":4}""", "name,areaOfNeed,wave")]
    [InlineData("""{"name":"X","areaOfNeed":"CognitionAndLearning","wave":2,"staffHourlyCost":-1,"minutesPerSession":-30}""", "minutesPerSession,staffHourlyCost")]
    [InlineData("""{"name":"X","areaOfNeed":"CognitionAndLearning","wave":"two"}""", "wave")]
    [InlineData("""{"name":"X","areaOfNeed":"CognitionAndLearning","wave":2,"resourceCost":"lots"}""", "resourceCost")]
    public async Task Bad_input_names_the_field(string json, string fields)
    {
        var senco = await app.ClientAsync("senco@a.test");
        var r = await senco.PostAsync($"/api/v1/schools/{app.SchoolA}/provisions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(fields.Split(',').Order(), (await ErrorKeys(r)).Order());
    }

    [Fact]
    public async Task A_duplicate_name_is_a_conflict()
    {
        var senco = await app.ClientAsync("senco@a.test");
        var body = new { name = "Duplicate check provision", areaOfNeed = "CognitionAndLearning", wave = 2 };
        await Expect(await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/provisions", body), HttpStatusCode.Created);
        var again = await Expect(await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/provisions", body), HttpStatusCode.Conflict);
        Assert.NotNull(again["errors"]!["name"]);
    }

    [Theory]
    [InlineData("teacher@a.test", HttpStatusCode.Forbidden)]
    [InlineData("ta@a.test", HttpStatusCode.Forbidden)]
    [InlineData("governor@a.test", HttpStatusCode.Forbidden)]
    [InlineData("head@a.test", HttpStatusCode.Forbidden)]
    [InlineData("office@a.test", HttpStatusCode.Forbidden)]
    [InlineData("senco@c.test", HttpStatusCode.NotFound)]     // another school: not found, never forbidden
    [InlineData("senco@b.test", HttpStatusCode.NotFound)]     // same trust, but no role in A
    [InlineData("assistant@a.test", HttpStatusCode.Created)]
    public async Task Who_may_add_provision(string email, HttpStatusCode expected)
    {
        var client = await app.ClientAsync(email);
        var r = await client.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/provisions", new { name = $"Role matrix {email}", areaOfNeed = "CognitionAndLearning", wave = 2 });
        await Expect(r, expected);
    }

    [Fact]
    public async Task Update_needs_the_version_and_refuses_a_stale_one()
    {
        var senco = await app.ClientAsync("senco@a.test");
        var id = await app.ProvisionAsync(name: "Versioned provision");
        var body = new { name = "Versioned provision (renamed)", areaOfNeed = "CognitionAndLearning", wave = 3, version = 1 };
        var ok = await Expect(await senco.PutAsJsonAsync($"/api/v1/provisions/{id}", body), HttpStatusCode.OK);
        Assert.Equal(2, ok["version"]!.GetValue<int>());
        await Expect(await senco.PutAsJsonAsync($"/api/v1/provisions/{id}", body), HttpStatusCode.Conflict);
        Assert.Equal(["version"], await ErrorKeys(await senco.PutAsJsonAsync($"/api/v1/provisions/{id}", new { name = "x", areaOfNeed = "CognitionAndLearning", wave = 3 })));
        var other = await app.ClientAsync("senco@c.test");
        await Expect(await other.GetAsync($"/api/v1/provisions/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_a_token_401()
    {
        var anon = app.CreateClient();
        var r = await anon.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/provisions", new { name = "x", areaOfNeed = "CognitionAndLearning", wave = 1 });
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }
}

[Collection(ProvisionCollection.Name)]
public class InterventionGroupApiTests(ProvisionFixture app)
{
    [Fact]
    public async Task Create_answers_201_with_total_cost_and_cost_per_pupil()
    {
        var provision = await app.ProvisionAsync();
        var pupils = new[] { await app.PupilAsync(), await app.PupilAsync(), await app.PupilAsync(), await app.PupilAsync() };
        var senco = await app.ClientAsync("senco@a.test");
        var r = await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/intervention-groups", new
        {
            provisionId = provision, startOn = Iso(MondayWeeksAgo(4)), weeks = 10, sessionsPerWeek = 3, minutesPerSession = 30, staffHourlyCost = 14.50m, resourceCost = 25m,
            pupilIds = pupils,
        });
        var body = await Expect(r, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/intervention-groups/{body["id"]}", r.Headers.Location?.ToString());
        Assert.Equal(242.50m, body["totalCost"]!.GetValue<decimal>());     // 14.50 × 0.5 h × 3 × 10 + 25
        Assert.Equal("242.50", body["totalCost"]!.ToJsonString());
        Assert.Equal(60.63m, body["costPerPupil"]!.GetValue<decimal>());   // 60.625 rounds up
        Assert.Equal(4, body["pupils"]!.AsArray().Count);
        Assert.Equal(15m, body["staffHours"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_group_with_no_pupils_costs_but_shares_nothing()
    {
        var body = await app.GroupAsync(await app.ProvisionAsync(), []);
        Assert.Equal(242.50m, body["totalCost"]!.GetValue<decimal>());
        Assert.Equal(0m, body["costPerPupil"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("""{"weeks":10,"sessionsPerWeek":3,"minutesPerSession":-30,"staffHourlyCost":-14.5,"resourceCost":-1}""", "provisionId,startOn,staffHourlyCost,minutesPerSession,resourceCost")]
    [InlineData("""{"startOn":"2026-13-01"}""", "startOn")]
    [InlineData("""{"weeks":0,"sessionsPerWeek":51,"minutesPerSession":0,"staffHourlyCost":14.555}""", "provisionId,startOn,staffHourlyCost,minutesPerSession,sessionsPerWeek,weeks")]
    public async Task Bad_input_names_every_field(string json, string fields)
    {
        var senco = await app.ClientAsync("senco@a.test");
        var r = await senco.PostAsync($"/api/v1/schools/{app.SchoolA}/intervention-groups", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(fields.Split(',').Order(), (await ErrorKeys(r)).Order());
    }

    [Fact]
    public async Task Pupils_and_provision_of_another_school_are_refused_and_nothing_is_saved()
    {
        var senco = await app.ClientAsync("senco@a.test");
        var theirs = await app.PupilAsync("C");
        var theirProvision = await app.ProvisionAsync("C");
        var mine = await app.PupilAsync();
        var before = (await Expect(await senco.GetAsync($"/api/v1/schools/{app.SchoolA}/intervention-groups"), HttpStatusCode.OK)).AsArray().Count;
        var r = await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/intervention-groups", new
        {
            provisionId = theirProvision, startOn = Iso(MondayWeeksAgo(2)), weeks = 6, sessionsPerWeek = 1, minutesPerSession = 20, staffHourlyCost = 15m, resourceCost = 0m,
            pupilIds = new[] { mine, theirs, mine },
        });
        Assert.Equal(["provisionId", "pupilIds[1]", "pupilIds[2]"], await ErrorKeys(r));
        var after = (await Expect(await senco.GetAsync($"/api/v1/schools/{app.SchoolA}/intervention-groups"), HttpStatusCode.OK)).AsArray().Count;
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("teacher@a.test", HttpStatusCode.Forbidden)]
    [InlineData("ta@a.test", HttpStatusCode.Forbidden)]
    [InlineData("governor@a.test", HttpStatusCode.Forbidden)]
    [InlineData("senco@c.test", HttpStatusCode.NotFound)]
    public async Task Only_those_who_manage_provision_create_groups(string email, HttpStatusCode expected)
    {
        var provision = await app.ProvisionAsync();
        var client = await app.ClientAsync(email);
        var r = await client.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/intervention-groups", new
        {
            provisionId = provision, startOn = Iso(MondayWeeksAgo(1)), weeks = 6, sessionsPerWeek = 1, minutesPerSession = 20, staffHourlyCost = 15m, resourceCost = 0m,
        });
        await Expect(r, expected);
    }

    [Fact]
    public async Task A_TA_cannot_be_double_booked()
    {
        var staff = await app.StaffAsync("Morag Double-Booked");
        var first = await app.GroupAsync(await app.ProvisionAsync(), [], staff, [new { day = "Monday", start = "09:00", end = "09:30" }, new { day = "Wednesday", start = "09:00", end = "09:30" }, new { day = "Friday", start = "09:00", end = "09:30" }]);
        var senco = await app.ClientAsync("senco@a.test");
        var r = await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/intervention-groups", new
        {
            provisionId = await app.ProvisionAsync(), startOn = Iso(MondayWeeksAgo(1)), weeks = 6, sessionsPerWeek = 2, minutesPerSession = 30, staffHourlyCost = 15m, resourceCost = 0m,
            staffMemberId = staff, slots = new[] { new { day = "Tuesday", start = "09:00", end = "09:30" }, new { day = "Wednesday", start = "09:15", end = "09:45" } },
        });
        var body = await Expect(r, HttpStatusCode.BadRequest);
        var message = body["errors"]!["slots[1].start"]![0]!.GetValue<string>();
        Assert.Contains("Morag Double-Booked is already timetabled then", message);
        Assert.Contains("Wednesday 09:00–09:30", message);

        // The same slot after the first group has ended is fine.
        var later = first["endOn"]!.AsDate().AddDays(3);
        var ok = await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/intervention-groups", new
        {
            provisionId = await app.ProvisionAsync(), startOn = Iso(later), weeks = 6, sessionsPerWeek = 1, minutesPerSession = 30, staffHourlyCost = 15m, resourceCost = 0m,
            staffMemberId = staff, slots = new[] { new { day = "Wednesday", start = "09:15", end = "09:45" } },
        });
        await Expect(ok, HttpStatusCode.Created);

        // A 1:1 entry on the timetable clashing with a group is refused too.
        var entry = await senco.PostAsJsonAsync($"/api/v1/staff/{staff}/timetable", new { kind = "OneToOne", day = "Friday", start = "08:45", end = "09:15", description = "1:1 support" });
        Assert.Equal(["start"], await ErrorKeys(entry));
    }

    [Fact]
    public async Task Slots_must_match_sessions_a_week()
    {
        var senco = await app.ClientAsync("senco@a.test");
        var r = await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/intervention-groups", new
        {
            provisionId = await app.ProvisionAsync(), startOn = Iso(MondayWeeksAgo(1)), weeks = 6, sessionsPerWeek = 2, minutesPerSession = 30, staffHourlyCost = 15m, resourceCost = 0m,
            slots = new[] { new { day = "Saturday", start = "9", end = "09:30" } },
        });
        Assert.Equal(["slots[0].day", "slots[0].start", "slots"], await ErrorKeys(r));
    }

    [Fact]
    public async Task Edit_with_a_stale_version_is_a_conflict_and_overwrites_nothing()
    {
        var group = await app.GroupAsync(await app.ProvisionAsync(), [await app.PupilAsync()]);
        var id = group["id"]!.GetValue<Guid>();
        var senco = await app.ClientAsync("senco@a.test");
        object Body(int version, int weeks) => new
        {
            provisionId = group["provisionId"]!.GetValue<Guid>(), startOn = group["startOn"]!.GetValue<string>(), weeks, sessionsPerWeek = 3, minutesPerSession = 30,
            staffHourlyCost = 14.50m, resourceCost = 25m, version,
        };
        var ok = await Expect(await senco.PutAsJsonAsync($"/api/v1/intervention-groups/{id}", Body(1, 12)), HttpStatusCode.OK);
        Assert.Equal(286m, ok["totalCost"]!.GetValue<decimal>());   // 14.50 × 0.5 × 3 × 12 + 25
        Assert.Equal(2, ok["version"]!.GetValue<int>());
        var stale = await senco.PutAsJsonAsync($"/api/v1/intervention-groups/{id}", Body(1, 8));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var now = await Expect(await senco.GetAsync($"/api/v1/intervention-groups/{id}"), HttpStatusCode.OK);
        Assert.Equal(12, now["weeks"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_schools_group_is_not_found_for_every_endpoint()
    {
        var group = await app.GroupAsync(await app.ProvisionAsync("C"), [await app.PupilAsync("C")], school: "C");
        var id = group["id"]!.GetValue<Guid>();
        var pupil = group["pupils"]![0]!["pupilId"]!.GetValue<Guid>();
        var senco = await app.ClientAsync("senco@a.test");
        await Expect(await senco.GetAsync($"/api/v1/intervention-groups/{id}"), HttpStatusCode.NotFound);
        await Expect(await senco.GetAsync($"/api/v1/intervention-groups/{id}/impact"), HttpStatusCode.NotFound);
        await Expect(await senco.GetAsync($"/api/v1/intervention-groups/{id}/sessions"), HttpStatusCode.NotFound);
        await Expect(await senco.PutAsJsonAsync($"/api/v1/intervention-groups/{id}/pupils/{pupil}/scores", new { measure = "StandardisedScore", entry = new { value = 85, on = Iso(Today) } }), HttpStatusCode.NotFound);
        await Expect(await senco.PostAsJsonAsync($"/api/v1/intervention-groups/{id}/sessions", new { on = Iso(Today), status = "Held", attendance = Array.Empty<object>() }), HttpStatusCode.NotFound);
        await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/provision-map"), HttpStatusCode.NotFound);
        await Expect(await senco.GetAsync($"/api/v1/schools/{app.SchoolC}/provision-map"), HttpStatusCode.NotFound);
        await Expect(await senco.GetAsync($"/api/v1/schools/{app.SchoolC}/impact"), HttpStatusCode.NotFound);
    }
}

[Collection(ProvisionCollection.Name)]
public class ProvisionMapApiTests(ProvisionFixture app)
{
    [Fact]
    public async Task A_pupils_map_totals_against_the_6000_threshold()
    {
        var pupil = await app.PupilAsync(forename: "Threshold", surname: "Tester");
        var other = await app.PupilAsync();
        var senco = await app.ClientAsync("senco@a.test");
        var small = await app.GroupAsync(await app.ProvisionAsync(name: "Reading catch-up"), [pupil, other]);   // 242.50 / 2
        // 1:1 support: 5 × 5 h a week for 38 weeks at £15 = £14,250, the pupil alone.
        var big = await Expect(await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/intervention-groups", new
        {
            provisionId = await app.ProvisionAsync(name: "1:1 TA support", area: "CommunicationAndInteraction", wave: 3), startOn = Iso(MondayWeeksAgo(4)), weeks = 38,
            sessionsPerWeek = 5, minutesPerSession = 300, staffHourlyCost = 15m, resourceCost = 0m, pupilIds = new[] { pupil },
        }), HttpStatusCode.Created);

        var map = await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/provision-map"), HttpStatusCode.OK);
        var items = map["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        var item = items.Single(i => i!["groupId"]!.GetValue<Guid>() == small["id"]!.GetValue<Guid>())!;
        Assert.StartsWith("Reading catch-up", item["provision"]!.GetValue<string>());
        Assert.Equal(2, item["wave"]!.GetValue<int>());
        Assert.Equal(121.25m, item["costPerPupil"]!.GetValue<decimal>());
        Assert.Equal(14371.25m, map["totalCost"]!.GetValue<decimal>());
        Assert.Equal(6000m, map["notionalThreshold"]!.GetValue<decimal>());
        Assert.True(map["exceedsThreshold"]!.GetValue<bool>());
        Assert.Equal(8371.25m, map["topUpRequired"]!.GetValue<decimal>());
        Assert.Equal(14250m, big["costPerPupil"]!.GetValue<decimal>());

        var otherMap = await Expect(await senco.GetAsync($"/api/v1/pupils/{other}/provision-map"), HttpStatusCode.OK);
        Assert.False(otherMap["exceedsThreshold"]!.GetValue<bool>());
        Assert.Equal(0m, otherMap["topUpRequired"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_pupil_leaving_midway_pays_for_their_time_and_the_rest_is_shared()
    {
        var leaver = await app.PupilAsync(forename: "Early", surname: "Leaver");
        var stayer = await app.PupilAsync(forename: "Long", surname: "Stayer");
        var group = await app.GroupAsync(await app.ProvisionAsync(), [leaver, stayer]);   // 10 weeks: 70 days
        var id = group["id"]!.GetValue<Guid>();
        var start = group["startOn"]!.AsDate();
        var senco = await app.ClientAsync("senco@a.test");
        var left = start.AddDays(34);   // 35 of 70 days
        await Expect(await senco.PutAsJsonAsync($"/api/v1/intervention-groups/{id}/pupils/{leaver}", new { joinedOn = Iso(start), leftOn = Iso(left) }), HttpStatusCode.OK);
        var leaverMap = await Expect(await senco.GetAsync($"/api/v1/pupils/{leaver}/provision-map"), HttpStatusCode.OK);
        var stayerMap = await Expect(await senco.GetAsync($"/api/v1/pupils/{stayer}/provision-map"), HttpStatusCode.OK);
        Assert.Equal(80.83m, leaverMap["items"]![0]!["costPerPupil"]!.GetValue<decimal>());   // 242.50 × 35/105
        Assert.Equal(161.67m, stayerMap["items"]![0]!["costPerPupil"]!.GetValue<decimal>());  // 242.50 × 70/105

        Assert.Equal(["leftOn"], await ErrorKeys(await senco.PutAsJsonAsync($"/api/v1/intervention-groups/{id}/pupils/{leaver}", new { joinedOn = Iso(start), leftOn = Iso(start.AddDays(-1)) })));
        Assert.Equal(["joinedOn"], await ErrorKeys(await senco.PutAsJsonAsync($"/api/v1/intervention-groups/{id}/pupils/{leaver}", new { leftOn = Iso(start) })));
        var unknown = await app.PupilAsync();
        await Expect(await senco.PutAsJsonAsync($"/api/v1/intervention-groups/{id}/pupils/{unknown}", new { joinedOn = Iso(start) }), HttpStatusCode.NotFound);
        // Adding a pupil later, and adding one twice.
        await Expect(await senco.PostAsJsonAsync($"/api/v1/intervention-groups/{id}/pupils", new { pupilId = unknown, joinedOn = Iso(start.AddDays(7)) }), HttpStatusCode.Created);
        await Expect(await senco.PostAsJsonAsync($"/api/v1/intervention-groups/{id}/pupils", new { pupilId = unknown }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_school_map_has_breakdowns_and_only_staff_see_names()
    {
        var pupil = await app.PupilAsync(year: "2", forename: "Mapped", surname: "Pupil");
        await app.GroupAsync(await app.ProvisionAsync(name: "SEMH nurture", area: "SocialEmotionalMentalHealth"), [pupil]);
        var senco = await app.ClientAsync("senco@a.test");
        var map = await Expect(await senco.GetAsync($"/api/v1/schools/{app.SchoolA}/provision-map"), HttpStatusCode.OK);
        Assert.Equal(4, map["byAreaOfNeed"]!.AsArray().Count);
        Assert.Equal(3, map["byWave"]!.AsArray().Count);
        Assert.Contains(map["byYearGroup"]!.AsArray(), y => y!["key"]!.GetValue<string>() == "2");
        Assert.Contains(map["pupils"]!.AsArray(), p => p!["surname"]!.GetValue<string>() == "Pupil");
        var areaTotal = map["byAreaOfNeed"]!.AsArray().Sum(a => a!["totalCost"]!.GetValue<decimal>());
        Assert.Equal(map["totalCost"]!.GetValue<decimal>(), areaTotal);

        var governor = await app.ClientAsync("governor@a.test");
        var theirs = await Expect(await governor.GetAsync($"/api/v1/schools/{app.SchoolA}/provision-map"), HttpStatusCode.OK);
        Assert.Null(theirs["pupils"]);
        Assert.Equal(map["totalCost"]!.GetValue<decimal>(), theirs["totalCost"]!.GetValue<decimal>());
        Assert.DoesNotContain("Mapped", theirs.ToJsonString());
        await Expect(await governor.GetAsync($"/api/v1/pupils/{pupil}/provision-map"), HttpStatusCode.Forbidden);
        await Expect(await governor.GetAsync($"/api/v1/schools/{app.SchoolA}/provision-map.xlsx"), HttpStatusCode.Forbidden);
        var impact = await Expect(await governor.GetAsync($"/api/v1/schools/{app.SchoolA}/impact"), HttpStatusCode.OK);
        Assert.Null(impact["byStaff"]);
        var funding = await Expect(await governor.GetAsync($"/api/v1/schools/{app.SchoolA}/funding"), HttpStatusCode.OK);
        Assert.Null(funding["pupils"]);

        Assert.Equal(["year"], await ErrorKeys(await senco.GetAsync($"/api/v1/schools/{app.SchoolA}/provision-map?year=last")));
        var empty = await Expect(await senco.GetAsync($"/api/v1/schools/{app.SchoolA}/provision-map?year=2019/20"), HttpStatusCode.OK);
        Assert.Equal(0m, empty["totalCost"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_xlsx_export_opens_and_holds_the_rows()
    {
        var pupil = await app.PupilAsync(forename: "=HYPERLINK(\"x\")", surname: "Exported");
        var group = await app.GroupAsync(await app.ProvisionAsync(name: "Export check"), [pupil]);
        var senco = await app.ClientAsync("senco@a.test");
        var r = await senco.GetAsync($"/api/v1/schools/{app.SchoolA}/provision-map.xlsx");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Provision map", "Pupil totals", "Groups", "Summary"], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: "Provision map").Cast<IDictionary<string, object>>().ToList();
        var row = rows.Single(x => (string)x["Surname"] == "Exported");
        Assert.Equal("'=HYPERLINK(\"x\")", row["Forename"]);   // formula injection neutralised
        Assert.Equal(242.5, Convert.ToDouble(row["Cost (£)"]));
        var groups = stream.Query(useHeaderRow: true, sheetName: "Groups").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(groups, g => (string)g["Group"] == group["name"]!.GetValue<string>());
        var summary = stream.Query(useHeaderRow: true, sheetName: "Summary").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("Whole school", summary[0]["Breakdown"]);
        var teacher = await app.ClientAsync("teacher@a.test");
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/api/v1/schools/{app.SchoolA}/provision-map.xlsx")).StatusCode);
    }
}

[Collection(ProvisionCollection.Name)]
public class ScoresRegisterAndImpactApiTests(ProvisionFixture app)
{
    private static object Scores(string measure, int entry, DateOnly entryOn, int? exit = null, DateOnly? exitOn = null) => new
    {
        measure, entry = new { value = entry, on = Iso(entryOn) }, exit = exit is null ? null : new { value = exit, on = Iso(exitOn!.Value) },
    };

    [Fact]
    public async Task Scores_then_impact_with_ratio_gain_and_cost_per_month()
    {
        var a = await app.PupilAsync(forename: "Ratio", surname: "One");
        var b = await app.PupilAsync(forename: "Ratio", surname: "Two");
        var group = await app.GroupAsync(await app.ProvisionAsync(name: "Toe by Toe"), [a, b]);
        var id = group["id"]!.GetValue<Guid>();
        var senco = await app.ClientAsync("senco@a.test");
        var entryOn = Today.AddMonths(-4);
        var r = await senco.PutAsJsonAsync($"/api/v1/intervention-groups/{id}/pupils/{a}/scores", Scores("ReadingAgeMonths", 84, entryOn, 96, Today));
        var saved = await Expect(r, HttpStatusCode.OK);
        Assert.Equal(12, saved["gain"]!.GetValue<int>());
        await Expect(await senco.PutAsJsonAsync($"/api/v1/intervention-groups/{id}/pupils/{b}/scores", Scores("ReadingAgeMonths", 90, entryOn)), HttpStatusCode.OK);

        var impact = await Expect(await senco.GetAsync($"/api/v1/intervention-groups/{id}/impact"), HttpStatusCode.OK);
        Assert.Equal("ReadingAgeMonths", impact["measure"]!.GetValue<string>());
        var one = impact["pupils"]!.AsArray().Single(p => p!["pupilId"]!.GetValue<Guid>() == a)!;
        Assert.Equal(3m, one["ratioGain"]!.GetValue<decimal>());          // 12 months in 4
        Assert.Equal(12, one["monthsGained"]!.GetValue<int>());
        Assert.Equal(121.25m, one["costPerPupil"]!.GetValue<decimal>());
        Assert.Equal(10.10m, one["costPerUnitOfProgress"]!.GetValue<decimal>());   // 121.25 / 12
        var two = impact["pupils"]!.AsArray().Single(p => p!["pupilId"]!.GetValue<Guid>() == b)!;
        Assert.Null(two["ratioGain"]);
        Assert.Equal("No exit assessment yet", two["note"]!.GetValue<string>());
        Assert.Equal((1, 1), (impact["summary"]!["included"]!.GetValue<int>(), impact["summary"]!["excluded"]!.GetValue<int>()));
        Assert.Equal(3m, impact["summary"]!["ratioGain"]!.GetValue<decimal>());
        Assert.Equal(242.50m, impact["totalCost"]!.GetValue<decimal>());
        Assert.Equal(10.10m, impact["costPerUnitOfProgress"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Bad_scores_name_the_field()
    {
        var a = await app.PupilAsync();
        var group = await app.GroupAsync(await app.ProvisionAsync(), [a]);
        var id = group["id"]!.GetValue<Guid>();
        var senco = await app.ClientAsync("senco@a.test");
        var url = $"/api/v1/intervention-groups/{id}/pupils/{a}/scores";
        Assert.Equal(["exit.on"], await ErrorKeys(await senco.PutAsJsonAsync(url, Scores("StandardisedScore", 85, Today.AddDays(-10), 90, Today.AddDays(-20)))));
        Assert.Equal(["entry.value", "exit.value"], await ErrorKeys(await senco.PutAsJsonAsync(url, Scores("StandardisedScore", 12, Today.AddDays(-10), 200, Today))));
        Assert.Equal(["measure"], await ErrorKeys(await senco.PutAsJsonAsync(url, Scores("ShoeSize", 85, Today))));
        Assert.Equal(["entry.on"], await ErrorKeys(await senco.PutAsJsonAsync(url, Scores("StandardisedScore", 85, Today.AddDays(3)))));
        // The first scores set the group's measure; a different measure afterwards is refused.
        await Expect(await senco.PutAsJsonAsync(url, Scores("StandardisedScore", 85, Today.AddDays(-10), 92, Today)), HttpStatusCode.OK);
        var body = await Expect(await senco.PutAsJsonAsync(url, Scores("SpellingAgeMonths", 85, Today.AddDays(-10))), HttpStatusCode.BadRequest);
        Assert.Contains("standardised score", body["errors"]!["measure"]![0]!.GetValue<string>());
        var impact = await Expect(await senco.GetAsync($"/api/v1/intervention-groups/{id}/impact"), HttpStatusCode.OK);
        Assert.Equal(7, impact["pupils"]![0]!["pointsGained"]!.GetValue<int>());
        Assert.Null(impact["pupils"]![0]!["ratioGain"]);
    }

    [Fact]
    public async Task Zero_months_elapsed_gives_no_ratio()
    {
        var a = await app.PupilAsync();
        var group = await app.GroupAsync(await app.ProvisionAsync(), [a]);
        var id = group["id"]!.GetValue<Guid>();
        var senco = await app.ClientAsync("senco@a.test");
        await Expect(await senco.PutAsJsonAsync($"/api/v1/intervention-groups/{id}/pupils/{a}/scores", Scores("SpellingAgeMonths", 80, Today, 82, Today)), HttpStatusCode.OK);
        var impact = await Expect(await senco.GetAsync($"/api/v1/intervention-groups/{id}/impact"), HttpStatusCode.OK);
        var p = impact["pupils"]![0]!;
        Assert.Null(p["ratioGain"]);
        Assert.Equal("No time passed between the entry and exit assessments", p["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_register_held_cancelled_conflicts_and_who_may_take_it()
    {
        var a = await app.PupilAsync(forename: "Reg", surname: "Present");
        var b = await app.PupilAsync(forename: "Reg", surname: "Absent");
        var taStaff = await app.StaffAsync("Dana Register (TA)", "ta@a.test");
        var group = await app.GroupAsync(await app.ProvisionAsync(), [a, b], taStaff,
            [new { day = "Monday", start = "13:00", end = "13:30" }, new { day = "Tuesday", start = "13:00", end = "13:30" }, new { day = "Thursday", start = "13:00", end = "13:30" }]);
        var id = group["id"]!.GetValue<Guid>();
        var start = group["startOn"]!.AsDate();
        var url = $"/api/v1/intervention-groups/{id}/sessions";

        // The TA who runs the group takes the register; another TA and a teacher who do not run it may not.
        var ta = await app.ClientAsync("ta@a.test");
        var held = await Expect(await ta.PostAsJsonAsync(url, new
        {
            on = Iso(start), status = "Held", attendance = new object[] { new { pupilId = a, attended = true }, new { pupilId = b, attended = false, note = "Dentist" } },
        }), HttpStatusCode.Created);
        Assert.Equal(1, held["version"]!.GetValue<int>());
        await Expect(await (await app.ClientAsync("ta2@a.test")).PostAsJsonAsync(url, new { on = Iso(start.AddDays(1)), status = "Cancelled", note = "x" }), HttpStatusCode.Forbidden);
        await Expect(await (await app.ClientAsync("teacher@a.test")).PostAsJsonAsync(url, new { on = Iso(start.AddDays(1)), status = "Cancelled", note = "x" }), HttpStatusCode.Forbidden);
        await Expect(await (await app.ClientAsync("governor@a.test")).GetAsync($"/api/v1/intervention-groups/{id}/impact"), HttpStatusCode.Forbidden);

        // The same day twice is a conflict; a cancelled session needs a reason; everyone must be marked.
        await Expect(await ta.PostAsJsonAsync(url, new { on = Iso(start), status = "Cancelled", note = "Trip" }), HttpStatusCode.Conflict);
        Assert.Equal(["note"], await ErrorKeys(await ta.PostAsJsonAsync(url, new { on = Iso(start.AddDays(1)), status = "Cancelled" })));
        Assert.Equal(["attendance"], await ErrorKeys(await ta.PostAsJsonAsync(url, new { on = Iso(start.AddDays(1)), status = "Held", attendance = new object[] { new { pupilId = a, attended = true } } })));
        Assert.Equal(["on"], await ErrorKeys(await ta.PostAsJsonAsync(url, new { on = Iso(Today.AddDays(1)), status = "Cancelled", note = "Future" })));
        Assert.Equal(["on"], await ErrorKeys(await ta.PostAsJsonAsync(url, new { on = Iso(start.AddDays(-1)), status = "Cancelled", note = "Before it started" })));
        Assert.Equal(["status"], await ErrorKeys(await ta.PostAsJsonAsync(url, new { on = Iso(start.AddDays(1)), status = "Maybe" })));
        await Expect(await ta.PostAsJsonAsync(url, new { on = Iso(start.AddDays(1)), status = "Cancelled", note = "Whole-school assembly" }), HttpStatusCode.Created);

        // Two people correcting the same register: the second, with the old version, is refused and nothing is overwritten.
        var sessionUrl = $"{url}/{held["id"]}";
        var senco = await app.ClientAsync("senco@a.test");
        var fix = new { on = Iso(start), status = "Held", version = 1, attendance = new object[] { new { pupilId = a, attended = true }, new { pupilId = b, attended = true } } };
        Assert.Equal(2, (await Expect(await senco.PutAsJsonAsync(sessionUrl, fix), HttpStatusCode.OK))["version"]!.GetValue<int>());
        await Expect(await ta.PutAsJsonAsync(sessionUrl, new { on = Iso(start), status = "Cancelled", note = "x", version = 1 }), HttpStatusCode.Conflict);
        var sessions = await Expect(await senco.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(["Held", "Cancelled"], sessions.AsArray().Select(s => s!["status"]!.GetValue<string>()));
        Assert.All(sessions[0]!["attendance"]!.AsArray(), m => Assert.True(m!["attended"]!.GetValue<bool>()));

        var impact = await Expect(await senco.GetAsync($"/api/v1/intervention-groups/{id}/impact"), HttpStatusCode.OK);
        Assert.Equal((1, 1), (impact["sessionsHeld"]!.GetValue<int>(), impact["sessionsCancelled"]!.GetValue<int>()));
        Assert.Equal(100m, impact["attendance"]!["percent"]!.GetValue<decimal>());

        // The TA may record scores for their own group, not for someone else's.
        await Expect(await ta.PutAsJsonAsync($"/api/v1/intervention-groups/{id}/pupils/{a}/scores", Scores("StandardisedScore", 85, Today)), HttpStatusCode.OK);
        var otherGroup = await app.GroupAsync(await app.ProvisionAsync(), [a]);
        await Expect(await ta.PutAsJsonAsync($"/api/v1/intervention-groups/{otherGroup["id"]}/pupils/{a}/scores", Scores("StandardisedScore", 85, Today)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task School_impact_rolls_up_by_provision_staff_and_area()
    {
        var provision = await app.ProvisionAsync(name: "Rolled-up reading");
        var staff = await app.StaffAsync("Rollup Staff");
        var a = await app.PupilAsync();
        var group = await app.GroupAsync(provision, [a], staff);
        var senco = await app.ClientAsync("senco@a.test");
        await Expect(await senco.PutAsJsonAsync($"/api/v1/intervention-groups/{group["id"]}/pupils/{a}/scores", Scores("StandardisedScore", 80, Today.AddDays(-30), 90, Today)), HttpStatusCode.OK);
        var impact = await Expect(await senco.GetAsync($"/api/v1/schools/{app.SchoolA}/impact"), HttpStatusCode.OK);
        var row = impact["byProvision"]!.AsArray().Single(r => r!["key"]!.GetValue<string>().StartsWith("Rolled-up reading"))!;
        Assert.Equal(10m, row["pointsGained"]!.GetValue<decimal>());
        Assert.Equal(24.25m, row["costPerUnitOfProgress"]!.GetValue<decimal>());
        Assert.Contains(impact["byStaff"]!.AsArray(), r => r!["key"]!.GetValue<string>() == "Rollup Staff");
        Assert.Contains(impact["byAreaOfNeed"]!.AsArray(), r => r!["key"]!.GetValue<string>() == "Cognition and learning" && r["groups"]!.GetValue<int>() >= 1);
    }
}

[Collection(ProvisionCollection.Name)]
public class FundingAndDeploymentApiTests(ProvisionFixture app)
{
    [Fact]
    public async Task Budget_and_top_up_compared_with_provision()
    {
        var senco = await app.ClientAsync("senco@a.test");
        var year = $"{(Today.Month >= 9 ? Today.Year : Today.Year - 1)}/{((Today.Month >= 9 ? Today.Year : Today.Year - 1) + 1) % 100:00}";
        var set = await Expect(await senco.PutAsJsonAsync($"/api/v1/schools/{app.SchoolA}/sen-budget", new { year, notionalSenBudget = 85000m }), HttpStatusCode.OK);
        Assert.Equal(85000m, set["notionalSenBudget"]!.GetValue<decimal>());
        await Expect(await senco.PutAsJsonAsync($"/api/v1/schools/{app.SchoolA}/sen-budget", new { year, notionalSenBudget = 90000m, version = 99 }), HttpStatusCode.Conflict);
        Assert.Equal(["notionalSenBudget"], await ErrorKeys(await senco.PutAsJsonAsync($"/api/v1/schools/{app.SchoolA}/sen-budget", new { year, notionalSenBudget = -5m })));

        var pupil = await app.PupilAsync(forename: "Topped", surname: "Up");
        var start = new DateOnly(Today.Month >= 9 ? Today.Year : Today.Year - 1, 9, 1);
        var topUp = await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/top-ups", new { band = "B3", amount = 7200m, from = Iso(start), to = Iso(start.AddYears(1).AddDays(-1)) }), HttpStatusCode.Created);
        Assert.Equal(7200m, topUp["amountInYear"]!.GetValue<decimal>());
        Assert.Equal(["amount", "to"], await ErrorKeys(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/top-ups", new { band = "B3", amount = -1m, from = Iso(start), to = Iso(start.AddDays(-1)) })));
        await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/top-ups", new { band = "B4", amount = 100m, from = Iso(start.AddMonths(2)), to = Iso(start.AddMonths(3)) }), HttpStatusCode.Conflict);
        await Expect(await (await app.ClientAsync("teacher@a.test")).PostAsJsonAsync($"/api/v1/pupils/{pupil}/top-ups", new { band = "B3", amount = 1m, from = Iso(start), to = Iso(start) }), HttpStatusCode.Forbidden);

        var funding = await Expect(await senco.GetAsync($"/api/v1/schools/{app.SchoolA}/funding"), HttpStatusCode.OK);
        Assert.Equal(85000m, funding["notionalSenBudget"]!.GetValue<decimal>());
        Assert.True(funding["topUpReceived"]!.GetValue<decimal>() >= 7200m);
        var row = funding["pupils"]!.AsArray().Single(p => p!["pupilId"]!.GetValue<Guid>() == pupil)!;
        Assert.Equal(7200m, row["unmatched"]!.GetValue<decimal>());   // top-up received, no costed provision yet
        var map = await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/provision-map"), HttpStatusCode.OK);
        Assert.Equal(7200m, map["topUpReceived"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_TAs_week_hours_against_contract_and_line_manager()
    {
        var senco = await app.ClientAsync("senco@a.test");
        var manager = await app.StaffAsync("Line Manager Lee", contracted: 37m);
        var ta = await Expect(await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/staff", new { name = "Hours Hannah", role = "TeachingAssistant", contractedHoursPerWeek = 10m, lineManagerId = manager }), HttpStatusCode.Created);
        var id = ta["id"]!.GetValue<Guid>();
        await app.GroupAsync(await app.ProvisionAsync(), [], id, [new { day = "Monday", start = "09:00", end = "09:30" }, new { day = "Tuesday", start = "09:00", end = "09:30" }, new { day = "Thursday", start = "09:00", end = "09:30" }]);
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
            await Expect(await senco.PostAsJsonAsync($"/api/v1/staff/{id}/timetable", new { kind = "OneToOne", day, start = "10:00", end = "12:00", description = "1:1 support in Year 3" }), HttpStatusCode.Created);
        var week = await Expect(await senco.GetAsync($"/api/v1/staff/{id}?week={Iso(Today)}"), HttpStatusCode.OK);
        Assert.Equal(11.5m, week["hours"]!["used"]!.GetValue<decimal>());
        Assert.True(week["hours"]!["over"]!.GetValue<bool>());
        Assert.Equal("Line Manager Lee", week["staff"]!["lineManager"]!.GetValue<string>());
        Assert.Equal(8, week["timetable"]!.AsArray().Count);
        Assert.Empty(week["clashes"]!.AsArray());

        Assert.Equal(["lineManagerId"], await ErrorKeys(await senco.PutAsJsonAsync($"/api/v1/staff/{manager}", new { name = "Line Manager Lee", role = "Teacher", lineManagerId = id, version = 1 })));
        Assert.Equal(["name", "role", "contractedHoursPerWeek"], await ErrorKeys(await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/staff", new { name = "", role = "Wizard", contractedHoursPerWeek = -1m })));
        var list = await Expect(await senco.GetAsync($"/api/v1/schools/{app.SchoolA}/staff"), HttpStatusCode.OK);
        Assert.Contains(list.AsArray(), s => s!["name"]!.GetValue<string>() == "Hours Hannah" && s["hours"]!["over"]!.GetValue<bool>());
        await Expect(await (await app.ClientAsync("senco@c.test")).GetAsync($"/api/v1/staff/{id}"), HttpStatusCode.NotFound);
        // Deployment is for those who manage it and senior leaders; a TA sees their own week only.
        await Expect(await (await app.ClientAsync("head@a.test")).GetAsync($"/api/v1/staff/{id}"), HttpStatusCode.OK);
        await Expect(await (await app.ClientAsync("teacher@a.test")).GetAsync($"/api/v1/schools/{app.SchoolA}/staff"), HttpStatusCode.Forbidden);
        await Expect(await (await app.ClientAsync("ta@a.test")).GetAsync($"/api/v1/staff/{id}"), HttpStatusCode.Forbidden);
        var own = await app.StaffAsync("Own Timetable TA", "office@a.test");
        await Expect(await (await app.ClientAsync("office@a.test")).GetAsync($"/api/v1/staff/{own}"), HttpStatusCode.OK);
        await Expect(await (await app.ClientAsync("ta@a.test")).PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/staff", new { name = "x", role = "Teacher" }), HttpStatusCode.Forbidden);
    }
}

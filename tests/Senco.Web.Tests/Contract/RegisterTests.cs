using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Contract;

/// GET /api/v1/schools/{urn}/register(.csv|.xlsx): the SEND register, its filters and its downloads.
public sealed class RegisterTests(RegisterWorld world) : IClassFixture<RegisterWorld>
{
    public static readonly string[] RowFields =
        ["id", "upn", "forename", "surname", "yearGroup", "status", "primaryNeed", "secondaryNeed", "eal", "lookedAfter", "pupilPremium"];

    private static readonly Dictionary<string, Func<WorldPupil, bool>> Filters = new()
    {
        [""] = _ => true,
        ["status=K"] = p => p.Status == "K",
        ["status=E"] = p => p.Status == "E",
        ["status=k"] = p => p.Status == "K",
        ["need=ASD"] = p => p.PrimaryNeed == "ASD" || p.SecondaryNeed == "ASD",
        ["need=semh"] = p => p.PrimaryNeed == "SEMH" || p.SecondaryNeed == "SEMH",
        ["need=VI"] = p => p.PrimaryNeed == "VI" || p.SecondaryNeed == "VI",
        ["need=NSA"] = p => p.PrimaryNeed == "NSA" || p.SecondaryNeed == "NSA",
        ["yearGroup=7"] = p => p.YearGroup == "7",
        ["yearGroup=R"] = p => p.YearGroup == "R",
        ["yearGroup=r"] = p => p.YearGroup == "R",
        ["eal=true"] = p => p.Eal,
        ["eal=false"] = p => !p.Eal,
        ["lookedAfter=true"] = p => p.LookedAfter,
        ["lookedAfter=false"] = p => !p.LookedAfter,
        ["pupilPremium=true"] = p => p.PupilPremium,
        ["pupilPremium=false"] = p => !p.PupilPremium,
        ["q=smith"] = p => (p.Forename + " " + p.Surname).Contains("smith", StringComparison.OrdinalIgnoreCase),
        ["q=SMITH"] = p => (p.Forename + " " + p.Surname).Contains("smith", StringComparison.OrdinalIgnoreCase),
        ["q=oLiV"] = p => (p.Forename + " " + p.Surname).Contains("oliv", StringComparison.OrdinalIgnoreCase),
        ["q=%C3%93%20S%C3%9AIL"] = p => p.Surname == "Ó Súilleabháin", // "Ó SÚIL": upper-case accented letters
        ["q=%25"] = _ => false, // "%" is a character to find, not a wildcard
        ["q=_"] = _ => false,
        ["status=K&need=ASD"] = p => p.Status == "K" && (p.PrimaryNeed == "ASD" || p.SecondaryNeed == "ASD"),
        ["status=E&eal=true&lookedAfter=true"] = p => p.Status == "E" && p.Eal && p.LookedAfter,
        ["yearGroup=7&pupilPremium=true"] = p => p.YearGroup == "7" && p.PupilPremium,
        ["need=ASD&eal=false&q=smith"] = p => (p.PrimaryNeed == "ASD" || p.SecondaryNeed == "ASD") && !p.Eal && p.Surname.Contains("Smith"),
        ["status=K&need=SLCN&yearGroup=R&eal=true&lookedAfter=false&pupilPremium=true&q=jones"] = p => p.Surname == "Jones",
    };

    public static TheoryData<string> FilterQueries() => new(Filters.Keys);

    private async Task<JsonNode> Register(string query, string schoolKey = "B")
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, schoolKey);
        return await senco.GetAsync($"/api/v1/schools/{world.Schools[schoolKey].Urn}/register{(query == "" ? "" : "?" + query)}").ExpectJson(HttpStatusCode.OK);
    }

    private IEnumerable<WorldPupil> OnRegisterInB => world.Pupils.Where(p => p.SchoolKey == "B" && p.OnRegister);

    [Theory]
    [MemberData(nameof(FilterQueries))]
    public async Task Each_filter_alone_and_combined_returns_exactly_the_matching_pupils_on_K_or_E(string query)
    {
        var expected = OnRegisterInB.Where(Filters[query]).Select(p => p.Upn).Order().ToArray();
        var body = await Register(query);
        body.ShouldHaveExactlyProperties("count", "pupils");
        var rows = body["pupils"]!.AsArray();
        Assert.Equal(expected, rows.Select(r => r.Str("upn")).Order().ToArray());
        Assert.Equal(rows.Count, body["count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("need=ASD", new[] { "EvansB", "KaurB", "Smith", "Smithson" })]
    [InlineData("status=E", new[] { "EvansB", "Minus", "Smith", "Wilson" })]
    [InlineData("yearGroup=7", new[] { "Brown", "Smith" })]
    [InlineData("eal=true", new[] { "Jones", "KaurB", "Smith", "Ó Súilleabháin" })]
    [InlineData("status=K&need=ASD", new[] { "KaurB", "Smithson" })]
    [InlineData("q=SMITH", new[] { "Smith", "Smithson" })]
    [InlineData("need=vi", new[] { "Ó Súilleabháin" })]
    public async Task Known_filters_name_the_expected_pupils(string query, string[] surnames)
    {
        // Hand-written expectations, so a mistake in the table-driven oracle cannot hide a wrong register.
        var rows = (await Register(query))["pupils"]!.AsArray();
        Assert.Equal(surnames.Order(StringComparer.Ordinal), rows.Select(r => r.Str("surname")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Searching_by_upn_finds_the_pupil_whatever_the_case()
    {
        var brown = world.Pupils.Single(p => p.Surname == "Brown");
        foreach (var q in new[] { brown.Upn, brown.Upn.ToLowerInvariant(), brown.Upn[3..10].ToLowerInvariant() })
        {
            var rows = (await Register("q=" + Uri.EscapeDataString(q)))["pupils"]!.AsArray();
            Assert.Contains(brown.Upn, rows.Select(r => r.Str("upn")));
            if (q.Length == 13) Assert.Single(rows);
        }
    }

    [Fact]
    public async Task Only_pupils_on_K_or_E_are_on_the_register()
    {
        var body = await Register("");
        var statuses = body["pupils"]!.AsArray().Select(r => r.Str("status")).Distinct().Order().ToArray();
        Assert.Equal(["E", "K"], statuses);
        var upns = body["pupils"]!.AsArray().Select(r => r.Str("upn")).ToHashSet();
        foreach (var n in world.Pupils.Where(p => p.SchoolKey == "B" && p.Status == "N")) Assert.DoesNotContain(n.Upn, upns);
        Assert.Equal(OnRegisterInB.Count(), body["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Each_row_has_exactly_the_contract_fields_with_the_pupils_values()
    {
        var rows = (await Register(""))["pupils"]!.AsArray();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            row!.ShouldHaveExactlyProperties(RowFields);
            var p = world.Pupils.Single(x => x.Id == Guid.Parse(row.Str("id")));
            Assert.Equal(p.Upn, row.Str("upn"));
            Assert.Equal(p.Forename, row.Str("forename"));
            Assert.Equal(p.Surname, row.Str("surname"));
            Assert.Equal(p.YearGroup, row.Str("yearGroup"));
            Assert.Equal(p.Status, row.Str("status"));
            Assert.Equal(p.PrimaryNeed, row["primaryNeed"]?.GetValue<string>());
            Assert.Equal(p.SecondaryNeed, row["secondaryNeed"]?.GetValue<string>());
            Assert.Equal(p.Eal, row["eal"]!.GetValue<bool>());
            Assert.Equal(p.LookedAfter, row["lookedAfter"]!.GetValue<bool>());
            Assert.Equal(p.PupilPremium, row["pupilPremium"]!.GetValue<bool>());
        }
        // A pupil with one need has a null secondary need, present in the row.
        var wilson = rows.Single(r => r.Str("surname") == "Wilson")!.AsObject();
        Assert.True(wilson.ContainsKey("secondaryNeed"));
        Assert.Null(wilson["secondaryNeed"]);
    }

    [Theory]
    [InlineData("status=N", "status")]
    [InlineData("status=S", "status")]
    [InlineData("need=ADHD", "need")]
    [InlineData("yearGroup=15", "yearGroup")]
    [InlineData("eal=perhaps", "eal")]
    [InlineData("lookedAfter=2", "lookedAfter")]
    [InlineData("pupilPremium=maybe", "pupilPremium")]
    public async Task A_filter_value_that_means_nothing_is_refused_with_400_naming_it(string query, string field)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        foreach (var suffix in new[] { "", ".csv", ".xlsx" })
        {
            var r = await senco.GetAsync($"/api/v1/schools/{world.B.Urn}/register{suffix}?{query}");
            await r.ShouldBeValidationProblemOn(field);
        }
    }

    [Fact]
    public async Task A_search_longer_than_100_characters_is_refused_with_400_on_q()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        var r = await senco.GetAsync($"/api/v1/schools/{world.B.Urn}/register?q={new string('a', 101)}");
        await r.ShouldBeValidationProblemOn("q");
    }

    [Fact]
    public async Task An_unknown_school_answers_404_problem()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        foreach (var suffix in new[] { "", ".csv", ".xlsx" })
            await (await senco.GetAsync($"/api/v1/schools/999999/register{suffix}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    public static TheoryData<string> ExportQueries() => new("", "status=K", "need=ASD", "need=ASD&eal=false", "yearGroup=11", "q=smith", "q=nobody-has-this-name");

    [Theory]
    [MemberData(nameof(ExportQueries))]
    public async Task The_csv_download_has_the_same_rows_in_the_same_order_as_the_json(string query)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        var json = (await Register(query))["pupils"]!.AsArray();
        var r = await senco.GetAsync($"/api/v1/schools/{world.B.Urn}/register.csv{(query == "" ? "" : "?" + query)}");
        await r.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/csv", r.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var table = Csv.Parse(await r.Content.ReadAsByteArrayAsync());
        var header = table[0];
        Assert.Contains("UPN", header);
        Assert.Contains("Forename", header);
        Assert.Contains("Surname", header);
        var rows = table.Skip(1).ToList();
        Assert.Equal(json.Count, rows.Count);
        int upn = Array.IndexOf(header, "UPN"), fore = Array.IndexOf(header, "Forename"), sur = Array.IndexOf(header, "Surname");
        Assert.Equal(json.Select(j => j.Str("upn")), rows.Select(c => c[upn]));
        Assert.Equal(json.Select(j => Excel.Safe(j.Str("surname"))), rows.Select(c => c[sur]));
        Assert.Equal(json.Select(j => Excel.Safe(j.Str("forename"))), rows.Select(c => c[fore]));
    }

    [Theory]
    [MemberData(nameof(ExportQueries))]
    public async Task The_excel_download_has_the_same_rows_in_the_same_order_as_the_json(string query)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        var json = (await Register(query))["pupils"]!.AsArray();
        var r = await senco.GetAsync($"/api/v1/schools/{world.B.Urn}/register.xlsx{(query == "" ? "" : "?" + query)}");
        await r.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.Content.Headers.ContentType?.MediaType);

        var rows = Excel.Rows(await r.Content.ReadAsByteArrayAsync());
        Assert.Equal(json.Count, rows.Count);
        Assert.Equal(json.Select(j => j.Str("upn")), rows.Select(x => x["UPN"]));
        Assert.Equal(json.Select(j => Excel.Safe(j.Str("forename"))), rows.Select(x => x["Forename"]));
        Assert.Equal(json.Select(j => Excel.Safe(j.Str("surname"))), rows.Select(x => x["Surname"]));
    }

    [Fact]
    public async Task A_name_that_starts_like_a_formula_is_exported_with_a_leading_apostrophe_but_kept_as_typed_in_json()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        var json = (await Register("yearGroup=11"))["pupils"]!.AsArray();
        Assert.Contains(RegisterWorld.FormulaForename, json.Select(j => j.Str("forename")));

        var csv = Csv.Parse(await (await senco.GetAsync($"/api/v1/schools/{world.B.Urn}/register.csv?yearGroup=11")).Content.ReadAsByteArrayAsync());
        var fore = Array.IndexOf(csv[0], "Forename");
        var csvForenames = csv.Skip(1).Select(c => c[fore]).ToArray();
        Assert.Contains("'" + RegisterWorld.FormulaForename, csvForenames);
        Assert.Contains("'+447700900123", csvForenames);
        Assert.Contains("'@SUM(A1:A9)", csvForenames);
        Assert.Contains("'-2+3", csvForenames);
        Assert.DoesNotContain(csvForenames, f => f.Length > 0 && "=+-@".Contains(f[0]));

        var xlsx = Excel.Rows(await (await senco.GetAsync($"/api/v1/schools/{world.B.Urn}/register.xlsx?yearGroup=11")).Content.ReadAsByteArrayAsync());
        var xlsxForenames = xlsx.Select(x => x["Forename"]).ToArray();
        Assert.Contains("'" + RegisterWorld.FormulaForename, xlsxForenames);
        Assert.DoesNotContain(xlsxForenames, f => f.Length > 0 && "=+-@".Contains(f[0]));
    }

    [Fact]
    public async Task The_register_is_sorted_by_surname_by_default_and_the_csv_keeps_that_order()
    {
        var surnames = (await Register(""))["pupils"]!.AsArray().Select(r => r.Str("surname")).ToArray();
        Assert.Equal(surnames.Order(StringComparer.OrdinalIgnoreCase), surnames);
    }
}

/// RFC 4180 CSV, as Excel reads it: optional UTF-8 BOM, quoted fields with doubled quotes, CRLF rows.
public static class Csv
{
    public static List<string[]> Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row.ToArray()); row.Clear(); }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row.ToArray()); }
        return rows;
    }
}

public static class Excel
{
    /// The first sheet's rows keyed by the header row, every cell as text.
    public static List<Dictionary<string, string>> Rows(byte[] bytes)
    {
        using var ms = new MemoryStream(bytes);
        return ms.Query(useHeaderRow: true)
            .Select(r => ((IDictionary<string, object?>)r).ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? ""))
            .ToList();
    }

    /// What a spreadsheet-safe export must show for a typed value: a leading apostrophe before = + - @.
    public static string Safe(string value) => value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value;
}

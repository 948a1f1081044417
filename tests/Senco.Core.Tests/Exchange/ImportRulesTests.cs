using Senco.Core.Exchange;
using Senco.Core.Pupils;
using Senco.Core.Sen;

namespace Senco.Core.Tests.Exchange;

public class ColumnGuesserTests
{
    [Fact]
    public void Sims_headings_are_recognised()
    {
        var m = ColumnGuesser.Guess(["UPN", "Former UPN", "Legal Surname", "Legal Forename", "DOB", "Gender", "NC Year Actual", "SEN Provision", "Primary Need", "Secondary Need", "EAL", "FSM Eligible", "In LA Care", "Leaving Date"]);
        Assert.Equal("UPN", m[ImportField.Upn]);
        Assert.Equal("Legal Surname", m[ImportField.Surname]);
        Assert.Equal("Legal Forename", m[ImportField.Forename]);
        Assert.Equal("DOB", m[ImportField.DateOfBirth]);
        Assert.Equal("NC Year Actual", m[ImportField.YearGroup]);
        Assert.Equal("SEN Provision", m[ImportField.SenStatus]);
        Assert.Equal("Primary Need", m[ImportField.PrimaryNeed]);
        Assert.Equal("Secondary Need", m[ImportField.SecondaryNeed]);
        Assert.Equal("FSM Eligible", m[ImportField.PupilPremium]);
        Assert.Equal("In LA Care", m[ImportField.LookedAfter]);
        Assert.Equal("Leaving Date", m[ImportField.LeavingDate]);
    }

    [Fact]
    public void Arbor_style_headings_are_recognised()
    {
        var m = ColumnGuesser.Guess(["Unique Pupil Number", "First name", "Last name", "Date of Birth", "Sex", "Year", "SEN Status", "Pupil Premium", "CLA", "EAL"]);
        Assert.Equal("Unique Pupil Number", m[ImportField.Upn]);
        Assert.Equal("First name", m[ImportField.Forename]);
        Assert.Equal("Last name", m[ImportField.Surname]);
        Assert.Equal("Date of Birth", m[ImportField.DateOfBirth]);
        Assert.Equal("Sex", m[ImportField.Gender]);
        Assert.Equal("Year", m[ImportField.YearGroup]);
        Assert.Equal("SEN Status", m[ImportField.SenStatus]);
        Assert.Equal("Pupil Premium", m[ImportField.PupilPremium]);
        Assert.Equal("CLA", m[ImportField.LookedAfter]);
        Assert.Null(m[ImportField.LeavingDate]);
    }

    [Fact]
    public void Senco_register_export_maps_without_its_meaning_columns()
    {
        var m = ColumnGuesser.Guess(["UPN", "Temporary UPN", "Forename", "Surname", "Year group", "SEN status", "SEN status meaning", "Primary need", "Primary need meaning", "Secondary need", "Secondary need meaning", "EAL", "Looked after", "Pupil premium", "On register since"]);
        Assert.Equal("UPN", m[ImportField.Upn]);
        Assert.Equal("SEN status", m[ImportField.SenStatus]);
        Assert.Equal("Primary need", m[ImportField.PrimaryNeed]);
        Assert.Equal("Year group", m[ImportField.YearGroup]);
        Assert.Null(m[ImportField.DateOfBirth]);
    }

    [Fact]
    public void Legal_surname_is_preferred_when_both_are_present_and_a_heading_is_used_once()
    {
        var m = ColumnGuesser.Guess(["Surname", "Legal Surname", "Forename"]);
        Assert.Equal("Legal Surname", m[ImportField.Surname]);
        Assert.Equal(2, m.Columns.Count);
    }

    [Fact]
    public void A_mapping_survives_being_remembered_and_fits_only_files_with_its_headings()
    {
        var m = ColumnGuesser.Guess(["UPN", "Legal Surname", "DOB"]);
        var back = ColumnMapping.Deserialise(m.Serialise());
        Assert.Equal("Legal Surname", back[ImportField.Surname]);
        Assert.True(back.FitsHeadings(["upn", "legal surname", "dob", "extra"]));
        Assert.False(back.FitsHeadings(["UPN", "Surname", "DOB"]));
    }
}

public class ImportValuesTests
{
    [Theory]
    [InlineData("2015-04-03", 2015, 4, 3)]
    [InlineData("03/04/2015", 2015, 4, 3)]
    [InlineData("3/4/2015", 2015, 4, 3)]
    [InlineData("03-04-2015", 2015, 4, 3)]
    [InlineData("03.04.2015", 2015, 4, 3)]
    [InlineData("25/12/2015", 2015, 12, 25)]
    [InlineData("2015-04-03 00:00:00", 2015, 4, 3)]
    [InlineData("3 April 2015", 2015, 4, 3)]
    [InlineData("29/02/2016", 2016, 2, 29)]
    public void Accepted_dates(string text, int y, int m, int d)
    {
        var p = ImportValues.Date(text);
        Assert.True(p.Ok, p.Error);
        Assert.Equal(new DateOnly(y, m, d), p.Value);
    }

    [Theory]
    [InlineData("12/25/2015", "US date")]
    [InlineData("04/23/2015", "US date")]
    [InlineData("03/04/15", "two-digit year")]
    [InlineData("31/02/2015", "not a real date")]
    [InlineData("29/02/2015", "not a real date")]
    [InlineData("yesterday", "is not a date")]
    [InlineData("2015/13/01", "is not a date")]
    public void Refused_dates_say_why(string text, string expected)
    {
        var p = ImportValues.Date(text);
        Assert.False(p.Ok);
        Assert.Contains(expected, p.Error);
    }

    [Theory]
    [InlineData("7", "7")]
    [InlineData("Y7", "7")]
    [InlineData("Year 7", "7")]
    [InlineData("07", "7")]
    [InlineData("R", "R")]
    [InlineData("Reception", "R")]
    [InlineData("N1", "N1")]
    [InlineData("Nursery 2", "N2")]
    [InlineData("14", "14")]
    public void Year_groups(string text, string expected) => Assert.Equal(expected, ImportValues.YearGroup(text).Value);

    [Theory]
    [InlineData("15")]
    [InlineData("Year 0")]
    [InlineData("Sixth")]
    public void Unknown_year_groups_are_refused(string text) => Assert.Contains("is not a year group", ImportValues.YearGroup(text).Error);

    [Theory]
    [InlineData("K", SenStatus.K)]
    [InlineData("K - SEN Support", SenStatus.K)]
    [InlineData("SEN Support", SenStatus.K)]
    [InlineData("E", SenStatus.E)]
    [InlineData("EHC Plan", SenStatus.E)]
    [InlineData("N", SenStatus.N)]
    [InlineData("", SenStatus.N)]
    [InlineData("No SEN", SenStatus.N)]
    public void Sen_statuses(string text, SenStatus expected) => Assert.Equal(expected, ImportValues.SenStatus(text).Value);

    [Theory]
    [InlineData("S", "no longer uses")]
    [InlineData("A", "no longer uses")]
    [InlineData("X", "not an SEN status code")]
    [InlineData("Monitoring", "not an SEN status code")]
    public void Unknown_or_historical_sen_codes_are_refused(string text, string expected) => Assert.Contains(expected, ImportValues.SenStatus(text).Error);

    [Theory]
    [InlineData("SLCN", "SLCN")]
    [InlineData("slcn", "SLCN")]
    [InlineData("Speech, language and communication needs", "SLCN")]
    [InlineData("ASD - Autistic spectrum disorder", "ASD")]
    public void Needs(string text, string expected) => Assert.Equal(expected, ImportValues.Need(text).Value);

    [Theory]
    [InlineData("-")]
    [InlineData(": -")]
    [InlineData("--")]
    public void A_need_cell_of_only_separators_is_refused_with_a_message(string text)
    {
        // Found by fuzzing the roll import: it threw IndexOutOfRangeException.
        var parsed = ImportValues.Need(text);
        Assert.Null(parsed.Value);
        Assert.Contains("is not a census SEN type code", parsed.Error);
    }

    [Fact]
    public void Besd_is_refused_with_its_replacement() => Assert.Contains("SEMH", ImportValues.Need("BESD").Error);

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", true)]
    [InlineData("+441234", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("-2+3", true)]
    [InlineData("-Smith", false)]
    [InlineData("Smith-Jones", false)]
    [InlineData("", false)]
    public void Formula_like_cells(string text, bool expected) => Assert.Equal(expected, ImportValues.LooksLikeFormula(text));

    [Fact]
    public void The_export_guard_apostrophe_is_taken_off_only_before_a_formula_character()
    {
        Assert.Equal("=1+1", ImportValues.Unguard("'=1+1"));
        Assert.Equal("'Brien", ImportValues.Unguard("'Brien"));
    }
}

public class ImportPlannerTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static string Upn(int serial)
    {
        var body = $"801200026{serial:D3}";
        return global::Senco.Core.Pupils.Upn.CheckLetterFor(body) + body;
    }

    private static readonly string[] Headings = ["UPN", "Surname", "Forename", "DOB", "Gender", "Year", "SEN Status", "Primary Need", "Secondary Need", "EAL", "FSM", "CLA", "Leaving Date"];
    private static ColumnMapping Mapping => ColumnGuesser.Guess(Headings);

    private static ImportRow Row(int row, string upn, string surname = "Okafor", string forename = "Ada", string dob = "14/05/2017", string gender = "F", string year = "4",
        string sen = "N", string primary = "", string secondary = "", string eal = "N", string fsm = "N", string cla = "N", string leaving = "") =>
        new(row, Headings.Zip([upn, surname, forename, dob, gender, year, sen, primary, secondary, eal, fsm, cla, leaving]).ToDictionary(x => x.First, x => x.Second, StringComparer.OrdinalIgnoreCase));

    private static ExistingPupil Existing(string upn, SenStatus status = SenStatus.N, string[]? needs = null, bool onRoll = true, string year = "4") =>
        new(Guid.NewGuid(), upn, "Ada", "Okafor", new DateOnly(2017, 5, 14), "F", year, false, false, false, status, needs ?? [], onRoll, null);

    [Fact]
    public void New_pupils_are_planned_with_their_sen()
    {
        var plan = ImportPlanner.Plan([Row(2, Upn(1), sen: "K", primary: "SLCN", secondary: "ASD")], Mapping, [], false, true, Today);
        Assert.True(plan.CanImport, string.Join("; ", plan.Problems.Select(p => p.Message)));
        var p = Assert.Single(plan.New);
        Assert.Equal(SenStatus.K, p.Values.Status);
        Assert.Equal(["SLCN", "ASD"], p.Values.Needs);
        Assert.True(p.SenChanges);
    }

    [Fact]
    public void Existing_pupils_are_updated_with_the_fields_that_change_and_unchanged_ones_counted()
    {
        var existing = new[] { Existing(Upn(1)), Existing(Upn(2)) };
        var plan = ImportPlanner.Plan([Row(2, Upn(1), year: "5", sen: "K", primary: "SPLD"), Row(3, Upn(2))], Mapping, existing, false, true, Today);
        Assert.True(plan.CanImport);
        Assert.Empty(plan.New);
        var u = Assert.Single(plan.Updated);
        Assert.Equal([ImportField.YearGroup, ImportField.SenStatus, ImportField.PrimaryNeed], u.Changes.Select(c => c.Field));
        Assert.Equal("Year group: Year 4 → Year 5; SEN status: N → K; Needs: none → SPLD", ImportPlanner.Describe(u.Changes));
        Assert.Equal(1, plan.Unchanged);
    }

    [Fact]
    public void Every_problem_is_reported_by_row_and_field()
    {
        var rows = new[]
        {
            Row(2, "H801200001002"),                                 // wrong check letter
            Row(3, Upn(3), dob: "05/23/2017"),                       // US date
            Row(4, Upn(4), year: "Year 15"),                         // unknown year
            Row(5, Upn(5), sen: "Q"),                                // unknown SEN code
            Row(6, Upn(6), sen: "N", primary: "SLCN"),               // needs on N
            Row(7, Upn(7), surname: "=HYPERLINK(\"http://evil\")"),  // formula
            Row(8, Upn(3)),                                          // duplicate of row 3
            Row(9, Upn(9), forename: ""),                            // missing required
            Row(10, Upn(10), sen: "K"),                              // K without needs
        };
        var plan = ImportPlanner.Plan(rows, Mapping, [], false, true, Today);
        Assert.False(plan.CanImport);
        void Has(int row, string field, string text) =>
            Assert.Contains(plan.Problems, p => p.Row == row && p.Field == field && p.Message.Contains(text, StringComparison.Ordinal));
        Has(2, "upn", "The check letter should be X.");
        Has(3, "dateOfBirth", "US date");
        Has(4, "yearGroup", "is not a year group");
        Has(5, "senStatus", "not an SEN status code");
        Has(6, "primaryNeed", SenChangeRules.NoNeedsForNMessage);
        Has(7, "surname", "looks like a spreadsheet formula");
        Has(8, "upn", "is also on row 3");
        Has(9, "forename", "forename is missing");
        Has(10, "primaryNeed", SenChangeRules.NeedsRequiredMessage);
    }

    [Fact]
    public void A_missing_upn_column_stops_everything()
    {
        var m = Mapping;
        m[ImportField.Upn] = null;
        var plan = ImportPlanner.Plan([Row(2, Upn(1))], m, [], false, true, Today);
        Assert.Equal(ImportPlanner.MissingUpnColumnMessage, Assert.Single(plan.Problems).Message);
    }

    [Fact]
    public void Unmapped_fields_keep_what_senco_holds_and_new_pupils_need_them()
    {
        var m = ColumnMapping.Deserialise("upn=UPN\nyearGroup=Year");
        var existing = new[] { Existing(Upn(1), SenStatus.K, ["SLCN"]) };
        var plan = ImportPlanner.Plan([Row(2, Upn(1), year: "5"), Row(3, Upn(2))], m, existing, false, true, Today);
        Assert.Contains(plan.Problems, p => p.Row == 3 && p.Field == "dateOfBirth" && p.Message.Contains("choose the column", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Problems, p => p.Row == 2);
        var ok = ImportPlanner.Plan([Row(2, Upn(1), year: "5")], m, existing, false, true, Today);
        var u = Assert.Single(ok.Updated);
        Assert.Equal([ImportField.YearGroup], u.Changes.Select(c => c.Field));
        Assert.False(u.SenChanges);
    }

    [Fact]
    public void Leavers_and_pupils_missing_from_a_full_roll_file()
    {
        var stays = Existing(Upn(1));
        var leaves = Existing(Upn(2));
        var missing = Existing(Upn(3));
        var gone = Existing(Upn(4), onRoll: false);
        var rows = new[] { Row(2, Upn(1)), Row(3, Upn(2), leaving: "20/07/2026") };
        var full = ImportPlanner.Plan(rows, Mapping, [stays, leaves, missing, gone], true, true, Today);
        Assert.True(full.CanImport);
        Assert.Equal(Upn(2), Assert.Single(full.Leaving).Values.Upn);
        Assert.Equal(new DateOnly(2026, 7, 20), full.Leaving[0].Values.LeavingOn);
        Assert.Equal(missing.Id, Assert.Single(full.NotInFile).Id);
        var partial = ImportPlanner.Plan(rows, Mapping, [stays, leaves, missing], false, true, Today);
        Assert.Empty(partial.NotInFile);
    }

    [Fact]
    public void A_pupil_off_roll_in_the_file_without_a_leaving_date_returns()
    {
        var plan = ImportPlanner.Plan([Row(2, Upn(1))], Mapping, [Existing(Upn(1), onRoll: false)], false, true, Today);
        Assert.True(Assert.Single(plan.Updated).Returns);
    }

    [Fact]
    public void Sen_changes_need_the_permission_to_change_sen_status()
    {
        var plan = ImportPlanner.Plan([Row(2, Upn(1), sen: "K", primary: "SLCN")], Mapping, [Existing(Upn(1))], false, false, Today);
        Assert.Equal(ImportPlanner.NoSenPermissionMessage, Assert.Single(plan.Problems).Message);
        var same = ImportPlanner.Plan([Row(2, Upn(1), year: "5")], Mapping, [Existing(Upn(1))], false, false, Today);
        Assert.True(same.CanImport);
    }

    [Fact]
    public void A_date_of_birth_making_the_pupil_too_young_uses_the_pupil_rules()
    {
        var plan = ImportPlanner.Plan([Row(2, Upn(1), dob: "01/01/2026")], Mapping, [], false, true, Today);
        Assert.Contains(plan.Problems, p => p.Field == "dateOfBirth" && p.Message.Contains("at least", StringComparison.Ordinal));
    }
}

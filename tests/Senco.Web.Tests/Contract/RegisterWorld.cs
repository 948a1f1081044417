using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Contract;

/// The common world plus a designed cohort in school B, so that every register filter has pupils it must
/// include and pupils it must leave out. Tests using it only read.
public sealed class RegisterWorld : TestWorld
{
    public const string FormulaForename = "=HYPERLINK(\"http://evil.example/\",\"Click\")";

    protected override async Task SeedAsync()
    {
        await AddPupilAsync("B", "Olivia", "Brown", "7", pupilPremium: true, status: "K", needs: ["SPLD"]);
        await AddPupilAsync("B", "Noah", "Smith", "7", eal: true, lookedAfter: true, status: "E", needs: ["ASD", "SEMH"]);
        await AddPupilAsync("B", "Amelia", "Smithson", "8", status: "K", needs: ["SEMH", "ASD"]);
        await AddPupilAsync("B", "Oliver", "Jones", "R", eal: true, pupilPremium: true, status: "K", needs: ["SLCN"]);
        await AddPupilAsync("B", "Isla", "Taylor", "7", eal: true, pupilPremium: true, status: "N");
        await AddPupilAsync("B", "Ivy", "Smithers", "7", eal: true, status: "N");
        await AddPupilAsync("B", "George", "Wilson", "10", pupilPremium: true, status: "E", needs: ["PD"]);
        await AddPupilAsync("B", "Freya", "Ó Súilleabháin", "9", eal: true, status: "K", needs: ["HI", "VI"]);
        await AddPupilAsync("B", FormulaForename, "Formula", "11", status: "K", needs: ["MLD"]);
        await AddPupilAsync("B", "+447700900123", "Plus", "11", status: "K", needs: ["OTH"]);
        await AddPupilAsync("B", "@SUM(A1:A9)", "At", "11", status: "K", needs: ["NSA"]);
        await AddPupilAsync("B", "-2+3", "Minus", "11", status: "E", needs: ["MSI"]);
        // Commas and quotes must survive the CSV's quoting.
        await AddPupilAsync("B", "Léa \"Lou\"", "D'Arcy, Jr", "11", status: "K", needs: ["SPLD"]);
    }
}

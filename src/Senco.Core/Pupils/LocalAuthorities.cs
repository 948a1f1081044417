namespace Senco.Core.Pupils;

/// <summary>
/// DfE local authority numbers (the 3-digit "LA" in a DfE number and in characters 2-4 of a UPN).
/// Source: DfE "New local authority codes" (January 2011) and the later reorganisations listed under
/// <see cref="Historical"/>; Welsh authorities from the Welsh Government's 660-681 range.
/// </summary>
/// <remarks>
/// A UPN is kept for life (DfE UPN guide), so a UPN issued before a reorganisation keeps the old
/// authority's number: <see cref="IsRecognised"/> accepts current English, Welsh and former English codes.
/// A school today sits in a current English authority: use <see cref="IsCurrentEnglish"/> for that.
/// </remarks>
public static class LocalAuthorities
{
    private static readonly Dictionary<string, string> CurrentEnglishCodes = new(StringComparer.Ordinal)
    {
        // Inner London
        ["201"] = "City of London", ["202"] = "Camden", ["203"] = "Greenwich", ["204"] = "Hackney",
        ["205"] = "Hammersmith and Fulham", ["206"] = "Islington", ["207"] = "Kensington and Chelsea",
        ["208"] = "Lambeth", ["209"] = "Lewisham", ["210"] = "Southwark", ["211"] = "Tower Hamlets",
        ["212"] = "Wandsworth", ["213"] = "Westminster",
        // Outer London
        ["301"] = "Barking and Dagenham", ["302"] = "Barnet", ["303"] = "Bexley", ["304"] = "Brent",
        ["305"] = "Bromley", ["306"] = "Croydon", ["307"] = "Ealing", ["308"] = "Enfield",
        ["309"] = "Haringey", ["310"] = "Harrow", ["311"] = "Havering", ["312"] = "Hillingdon",
        ["313"] = "Hounslow", ["314"] = "Kingston upon Thames", ["315"] = "Merton", ["316"] = "Newham",
        ["317"] = "Redbridge", ["318"] = "Richmond upon Thames", ["319"] = "Sutton", ["320"] = "Waltham Forest",
        // Metropolitan districts
        ["330"] = "Birmingham", ["331"] = "Coventry", ["332"] = "Dudley", ["333"] = "Sandwell",
        ["334"] = "Solihull", ["335"] = "Walsall", ["336"] = "Wolverhampton",
        ["340"] = "Knowsley", ["341"] = "Liverpool", ["342"] = "St. Helens", ["343"] = "Sefton", ["344"] = "Wirral",
        ["350"] = "Bolton", ["351"] = "Bury", ["352"] = "Manchester", ["353"] = "Oldham", ["354"] = "Rochdale",
        ["355"] = "Salford", ["356"] = "Stockport", ["357"] = "Tameside", ["358"] = "Trafford", ["359"] = "Wigan",
        ["370"] = "Barnsley", ["371"] = "Doncaster", ["372"] = "Rotherham", ["373"] = "Sheffield",
        ["380"] = "Bradford", ["381"] = "Calderdale", ["382"] = "Kirklees", ["383"] = "Leeds", ["384"] = "Wakefield",
        ["390"] = "Gateshead", ["391"] = "Newcastle upon Tyne", ["392"] = "North Tyneside",
        ["393"] = "South Tyneside", ["394"] = "Sunderland",
        ["420"] = "Isles of Scilly",
        // Unitary authorities and counties
        ["800"] = "Bath and North East Somerset", ["801"] = "Bristol, City of", ["802"] = "North Somerset",
        ["803"] = "South Gloucestershire", ["805"] = "Hartlepool", ["806"] = "Middlesbrough",
        ["807"] = "Redcar and Cleveland", ["808"] = "Stockton-on-Tees", ["810"] = "Kingston upon Hull, City of",
        ["811"] = "East Riding of Yorkshire", ["812"] = "North East Lincolnshire", ["813"] = "North Lincolnshire",
        ["815"] = "North Yorkshire", ["816"] = "York",
        ["821"] = "Luton", ["822"] = "Bedford", ["823"] = "Central Bedfordshire",
        ["825"] = "Buckinghamshire", ["826"] = "Milton Keynes",
        ["830"] = "Derbyshire", ["831"] = "Derby",
        ["838"] = "Dorset", ["839"] = "Bournemouth, Christchurch and Poole",
        ["840"] = "County Durham", ["841"] = "Darlington",
        ["845"] = "East Sussex", ["846"] = "Brighton and Hove",
        ["850"] = "Hampshire", ["851"] = "Portsmouth", ["852"] = "Southampton",
        ["855"] = "Leicestershire", ["856"] = "Leicester", ["857"] = "Rutland",
        ["860"] = "Staffordshire", ["861"] = "Stoke-on-Trent",
        ["865"] = "Wiltshire", ["866"] = "Swindon", ["867"] = "Bracknell Forest", ["868"] = "Windsor and Maidenhead",
        ["869"] = "West Berkshire", ["870"] = "Reading", ["871"] = "Slough", ["872"] = "Wokingham",
        ["873"] = "Cambridgeshire", ["874"] = "Peterborough", ["876"] = "Halton", ["877"] = "Warrington",
        ["878"] = "Devon", ["879"] = "Plymouth", ["880"] = "Torbay",
        ["881"] = "Essex", ["882"] = "Southend-on-Sea", ["883"] = "Thurrock",
        ["884"] = "Herefordshire", ["885"] = "Worcestershire", ["886"] = "Kent", ["887"] = "Medway",
        ["888"] = "Lancashire", ["889"] = "Blackburn with Darwen", ["890"] = "Blackpool",
        ["891"] = "Nottinghamshire", ["892"] = "Nottingham", ["893"] = "Shropshire", ["894"] = "Telford and Wrekin",
        ["895"] = "Cheshire East", ["896"] = "Cheshire West and Chester",
        ["908"] = "Cornwall", ["916"] = "Gloucestershire", ["919"] = "Hertfordshire", ["921"] = "Isle of Wight",
        ["925"] = "Lincolnshire", ["926"] = "Norfolk", ["929"] = "Northumberland", ["931"] = "Oxfordshire",
        ["933"] = "Somerset", ["935"] = "Suffolk", ["936"] = "Surrey", ["937"] = "Warwickshire",
        ["938"] = "West Sussex",
        ["940"] = "North Northamptonshire", ["941"] = "West Northamptonshire",
        ["942"] = "Cumberland", ["943"] = "Westmorland and Furness",
    };

    // Welsh authorities share the UPN format; pupils move across the border with their UPN.
    private static readonly Dictionary<string, string> WelshCodes = new(StringComparer.Ordinal)
    {
        ["660"] = "Isle of Anglesey", ["661"] = "Gwynedd", ["662"] = "Conwy", ["663"] = "Denbighshire",
        ["664"] = "Flintshire", ["665"] = "Wrexham", ["666"] = "Powys", ["667"] = "Ceredigion",
        ["668"] = "Pembrokeshire", ["669"] = "Carmarthenshire", ["670"] = "Swansea",
        ["671"] = "Neath Port Talbot", ["672"] = "Bridgend", ["673"] = "Vale of Glamorgan",
        ["674"] = "Rhondda Cynon Taf", ["675"] = "Merthyr Tydfil", ["676"] = "Caerphilly",
        ["677"] = "Blaenau Gwent", ["678"] = "Torfaen", ["679"] = "Monmouthshire", ["680"] = "Newport",
        ["681"] = "Cardiff",
    };

    // Abolished English authorities. Their codes live on in UPNs issued before the change, and a pupil
    // with an EHC plan can be on roll until 25, so a 2008 Bedfordshire UPN is still in use.
    private static readonly Dictionary<string, string> FormerEnglishCodes = new(StringComparer.Ordinal)
    {
        ["820"] = "Bedfordshire (until 2009)",
        ["835"] = "Dorset (until 2019)",
        ["836"] = "Poole (until 2019)",
        ["837"] = "Bournemouth (until 2019)",
        ["875"] = "Cheshire (until 2009)",
        ["909"] = "Cumbria (until 2023)",
        ["928"] = "Northamptonshire (until 2021)",
    };

    private static readonly Dictionary<string, string> AllCodes =
        CurrentEnglishCodes.Concat(WelshCodes).Concat(FormerEnglishCodes)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>Every recognised code (current English, Welsh, former English), ordered by code.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = AllCodes.AsReadOnly();

    /// <summary>The English authorities as they stand now (153 since April 2023).</summary>
    public static IReadOnlyDictionary<string, string> CurrentEnglish { get; } = CurrentEnglishCodes.AsReadOnly();

    public static IReadOnlyDictionary<string, string> Welsh { get; } = WelshCodes.AsReadOnly();

    public static IReadOnlyDictionary<string, string> Historical { get; } = FormerEnglishCodes.AsReadOnly();

    /// <summary>Recognised in a UPN: current English, Welsh, or a former English authority.</summary>
    public static bool IsRecognised(string code) => code is not null && AllCodes.ContainsKey(code.Trim());

    /// <summary>An English authority that exists today: the test for a school's LA code.</summary>
    public static bool IsCurrentEnglish(string? code) => code is not null && CurrentEnglishCodes.ContainsKey(code.Trim());

    public static string? NameOf(string code) =>
        code is not null && AllCodes.TryGetValue(code.Trim(), out var name) ? name : null;
}

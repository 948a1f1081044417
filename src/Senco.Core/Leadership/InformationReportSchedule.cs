namespace Senco.Core.Leadership;

/// One item of the information a school must publish in its SEN information report. <see cref="Key"/> is stable (it
/// names the section in the database and the API); <see cref="Heading"/> is what the published report shows.
public sealed record ScheduleItem(string Key, string Number, string Heading, string Guidance);

/// <summary>
/// The items of Schedule 1 to the Special Educational Needs and Disability Regulations 2014 (SI 2014/1530), made under
/// regulation 51: what a school's SEN information report must cover (send-facts.md §5). Item 3 is split into its
/// seven limbs (a)–(g) so each gets its own section, because Ofsted and parents look for each of them.
/// Items 8–13 are as the fact sheet recalls them; their wording is the school's to adjust, the keys stay.
/// </summary>
public static class InformationReportSchedule
{
    public static IReadOnlyList<ScheduleItem> Items { get; } =
    [
        new("kinds-of-sen", "1", "The kinds of special educational needs for which provision is made at the school",
            "Which needs the school provides for, in the four broad areas of need."),
        new("identifying-and-assessing", "2", "Policies for identifying pupils with special educational needs and assessing their needs",
            "How a concern is raised, who assesses, and how parents are told."),
        new("evaluating-provision", "3(a)", "How the school evaluates the effectiveness of its provision for pupils with special educational needs",
            "The measures you use and what they showed this year."),
        new("assessing-progress", "3(b)", "The school's arrangements for assessing and reviewing the progress of pupils with special educational needs",
            "Assess, plan, do, review: how often, and how parents and pupils take part."),
        new("approach-to-teaching", "3(c)", "The school's approach to teaching pupils with special educational needs",
            "High-quality teaching adapted for the individual, and the strategies staff use."),
        new("adapting-curriculum", "3(d)", "How the school adapts the curriculum and learning environment for pupils with special educational needs",
            "Adaptations to lessons, resources, timetables and the building."),
        new("additional-support", "3(e)", "Additional support for learning that is available to pupils with special educational needs",
            "Interventions and targeted support beyond the classroom."),
        new("activities", "3(f)", "How the school enables pupils with special educational needs to engage in activities with pupils who do not have special educational needs, including physical activities",
            "Clubs, trips, sport and residentials."),
        new("emotional-social", "3(g)", "Support available for improving the emotional, mental and social development of pupils with special educational needs",
            "Pastoral support, mentoring, measures against bullying."),
        new("senco", "4", "The name and contact details of the SEN co-ordinator",
            "The SENCO's name, email and telephone number."),
        new("staff-expertise", "5", "Information about the expertise and training of staff in relation to pupils with special educational needs and how specialist expertise will be secured",
            "Training this year and the specialists the school draws on."),
        new("equipment", "6", "Information about how equipment and facilities to support pupils with special educational needs will be secured",
            "Specialist equipment, how it is funded and obtained."),
        new("consulting-parents", "7", "The arrangements for consulting parents of pupils with special educational needs about, and involving them in, their education",
            "Meetings, reviews and how parents contribute."),
        new("consulting-pupils", "8", "The arrangements for consulting pupils with special educational needs about, and involving them in, their education",
            "How pupils' views are gathered and used."),
        new("complaints", "9", "Arrangements made by the governing body relating to the treatment of complaints from parents of pupils with special educational needs concerning the provision made at the school",
            "The complaints procedure and whom to contact first."),
        new("other-bodies", "10", "How the governing body involves other bodies, including health and social services bodies, local authority support services and voluntary organisations, in meeting the needs of pupils with special educational needs and in supporting their families",
            "The services the school works with and how referrals are made."),
        new("parent-support-services", "11", "The contact details of support services for the parents of pupils with special educational needs, including those for arrangements made in accordance with section 32 of the Children and Families Act 2014",
            "The local SEND information, advice and support service (SENDIASS) and other services for parents."),
        new("transitions", "12", "The school's arrangements for supporting pupils with special educational needs in transferring between phases of education or in preparing for adulthood and independent living",
            "Joining the school, moving class or key stage, and leaving."),
        new("local-offer", "13", "Information on where the local authority's local offer is published",
            "The web address of the local authority's local offer."),
    ];

    public static ScheduleItem? Find(string? key) => Items.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.Ordinal));

    /// "3(a) How the school evaluates …": the heading as the published report shows it.
    public static string Title(ScheduleItem item) => $"{item.Number}. {item.Heading}";
}

using Microsoft.EntityFrameworkCore;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;

namespace Senco.Web.Features.Demo;

/// The graduated approach in the demo trust: classes for every year with the demo teacher in some, a strategy bank,
/// support plans for most pupils on SEN support (some reviews overdue, some due soon, a few in their second cycle),
/// passports for many pupils (a couple overdue for review, one change waiting for approval) and the record of
/// parents being told. Every word is made up. Its own random seed, so the register's demo data stays as it was.
public static class GraduatedDemo
{
    public static readonly (BroadArea Area, string Title, string Description)[] StrategyBank =
    [
        (BroadArea.CognitionAndLearning, "Precision teaching", "Short daily 1:1 practice of a small set of words or number facts until fluent, with progress charted."),
        (BroadArea.CognitionAndLearning, "Pre-teach key vocabulary", "Introduce the key words of the next topic before the lesson, with pictures."),
        (BroadArea.CognitionAndLearning, "Chunked instructions", "Give one or two steps at a time and check understanding before moving on."),
        (BroadArea.CognitionAndLearning, "Writing frames and sentence starters", "A frame for the structure of a piece of writing, with starters for each part."),
        (BroadArea.CognitionAndLearning, "Concrete maths resources", "Numicon, counters and place-value cards available for every maths task."),
        (BroadArea.CognitionAndLearning, "Task checklist", "A short checklist on the desk to tick off the steps of a task."),
        (BroadArea.CognitionAndLearning, "Phonics catch-up group", "Daily 15-minute small-group phonics, following the school's scheme."),
        (BroadArea.CognitionAndLearning, "Spaced retrieval", "Revisit new learning after a day, a week and a month with quick quizzes."),
        (BroadArea.CommunicationAndInteraction, "Visual timetable", "The day's activities in pictures, with each one removed when it is finished."),
        (BroadArea.CommunicationAndInteraction, "Now and next board", "Two pictures: what is happening now and what comes next."),
        (BroadArea.CommunicationAndInteraction, "Processing time", "Wait at least ten seconds after a question before repeating or rephrasing it."),
        (BroadArea.CommunicationAndInteraction, "Social stories", "A short personalised story explaining a new or difficult situation, read beforehand."),
        (BroadArea.CommunicationAndInteraction, "Colourful semantics", "Colour-coded sentence parts to build spoken and written sentences."),
        (BroadArea.CommunicationAndInteraction, "Signs for key words", "Use simple signs alongside speech for key words and instructions."),
        (BroadArea.CommunicationAndInteraction, "Warn of changes to routine", "Tell the pupil about supply teachers, trips or room changes in advance."),
        (BroadArea.CommunicationAndInteraction, "Lego-based social skills group", "Weekly small-group building sessions with roles that practise turn-taking and sharing ideas."),
        (BroadArea.SocialEmotionalMentalHealth, "Meet and greet", "A familiar adult welcomes the pupil at the door each morning."),
        (BroadArea.SocialEmotionalMentalHealth, "Emotions check-in", "Use a feelings chart at the start of the day and after lunch to name how they feel."),
        (BroadArea.SocialEmotionalMentalHealth, "Time-out card", "A card the pupil can show to go to an agreed calm space for five minutes."),
        (BroadArea.SocialEmotionalMentalHealth, "Movement breaks", "Planned short breaks to move, for example taking a message to the office."),
        (BroadArea.SocialEmotionalMentalHealth, "Trusted adult check-in", "Ten minutes each week with a named adult to talk about how things are going."),
        (BroadArea.SocialEmotionalMentalHealth, "Specific, private praise", "Praise the effort or behaviour you want, quietly rather than in front of the class."),
        (BroadArea.SocialEmotionalMentalHealth, "Restorative conversation", "After an incident, a calm talk about what happened, who was affected and how to put it right."),
        (BroadArea.SocialEmotionalMentalHealth, "Lunchtime club", "A quiet, supervised club as an alternative to the busy playground."),
        (BroadArea.SensoryPhysical, "Seat near the front", "Sit near the front, facing the teacher and away from the window glare."),
        (BroadArea.SensoryPhysical, "Ear defenders", "Available for noisy activities such as assemblies and PE in the hall."),
        (BroadArea.SensoryPhysical, "Enlarged print", "Handouts and worksheets in N18 print on cream paper."),
        (BroadArea.SensoryPhysical, "Sloped board and pencil grip", "A sloped writing board and a pencil grip for all written work."),
        (BroadArea.SensoryPhysical, "Radio aid check", "Check the radio aid with the pupil at the start of each day and after lunch."),
        (BroadArea.SensoryPhysical, "Fine motor programme", "Three short sessions a week of fine motor activities such as threading and tweezers."),
        (BroadArea.SensoryPhysical, "Wobble cushion", "A wobble cushion on the chair for carpet and desk times."),
    ];

    private sealed record NeedProfile(BroadArea Area, string Needs, string[] Strategies, (string What, string Measure)[] Outcomes);

    private static readonly Dictionary<string, NeedProfile> Profiles = new()
    {
        ["SLCN"] = new(BroadArea.CommunicationAndInteraction,
            "Finds longer spoken instructions hard to follow and has a limited range of vocabulary; speech is sometimes unclear to adults who do not know them.",
            ["Processing time", "Pre-teach key vocabulary", "Colourful semantics", "Signs for key words"],
            [("Follow a two-step instruction given to the whole class", "Observed by the class teacher in 4 of 5 lessons"),
             ("Use 10 new topic words correctly when talking about their learning", "Vocabulary check with the TA at the end of the topic"),
             ("Retell a short story in the right order using picture prompts", "Recorded retelling in the speech and language group")]),
        ["ASD"] = new(BroadArea.CommunicationAndInteraction,
            "Finds changes of routine and unstructured times hard, and takes language literally; becomes anxious in busy, noisy places.",
            ["Visual timetable", "Warn of changes to routine", "Now and next board", "Ear defenders"],
            [("Move between activities using the visual timetable without adult prompting", "Adult prompts counted for a week: no more than 2 a day"),
             ("Take turns in a small-group game for 10 minutes", "Observed in the social skills group on 3 occasions"),
             ("Tell an adult when they feel worried, using the feelings chart", "Check-in records show they use it at least once a day")]),
        ["SEMH"] = new(BroadArea.SocialEmotionalMentalHealth,
            "Anxiety shows as refusing tasks and leaving the classroom; finds it hard to name feelings and to settle after break times.",
            ["Meet and greet", "Time-out card", "Emotions check-in", "Trusted adult check-in"],
            [("Use the time-out card instead of leaving the classroom", "Behaviour log: no more than one unplanned exit a week"),
             ("Settle to the first task within five minutes of arriving", "Teacher's daily tick sheet, 4 days out of 5"),
             ("Name how they feel at check-in using the feelings chart", "Check-in records over three weeks")]),
        ["MLD"] = new(BroadArea.CognitionAndLearning,
            "Working well below age-related expectations in reading, writing and maths, and needs a lot of repetition to remember new learning.",
            ["Precision teaching", "Concrete maths resources", "Chunked instructions", "Spaced retrieval"],
            [("Recall number bonds to 10 within five seconds each", "Timed check on three sessions in a row"),
             ("Read and spell the next 30 high-frequency words", "Word list check with the TA"),
             ("Write three linked sentences with capital letters and full stops", "Independent writing in two different books")]),
        ["SPLD"] = new(BroadArea.CognitionAndLearning,
            "Specific difficulties with phonological processing: reading and spelling well below peers despite good spoken language and ideas.",
            ["Phonics catch-up group", "Writing frames and sentence starters", "Precision teaching", "Task checklist"],
            [("Read unfamiliar words with the phase 5 sounds accurately", "Phonics assessment: 80% or more"),
             ("Use a writing frame to plan and write a paragraph", "Two independent paragraphs in topic work"),
             ("Spell 20 common exception words correctly in writing", "Spelling check and a sample of free writing")]),
        ["HI"] = new(BroadArea.SensoryPhysical,
            "Moderate hearing loss in both ears; wears hearing aids and a radio aid; misses information in noisy rooms and group work.",
            ["Radio aid check", "Seat near the front", "Pre-teach key vocabulary"],
            [("Check the radio aid with an adult at the start of every day", "Daily check sheet signed by the class teacher"),
             ("Ask for repetition when they have not heard an instruction", "Observed by the TA in 3 lessons a week")]),
        ["VI"] = new(BroadArea.SensoryPhysical,
            "Reduced vision in both eyes; finds small print and the board hard to read, and tires quickly with close work.",
            ["Enlarged print", "Seat near the front", "Movement breaks"],
            [("Ask for enlarged materials when they need them", "Teacher observation over three weeks"),
             ("Use the tablet magnifier to read the board independently", "Observed in 4 of 5 lessons")]),
        ["PD"] = new(BroadArea.SensoryPhysical,
            "Weak fine motor control and low muscle tone; handwriting is slow and tiring, and they find dressing for PE hard.",
            ["Sloped board and pencil grip", "Fine motor programme", "Wobble cushion"],
            [("Form all lower-case letters correctly using the sloped board", "Handwriting sample compared with the baseline"),
             ("Change for PE within ten minutes with one prompt", "PE teacher's timing over four weeks")]),
    };

    private static NeedProfile ProfileFor(string? need) => need is not null && Profiles.TryGetValue(need, out var p) ? p
        : need is "MSI" ? Profiles["HI"] : need is "SLD" or "PMLD" ? Profiles["MLD"] : need is "OTH" or "NSA" ? Profiles["MLD"] : Profiles["SEMH"];

    private static readonly string[] Strengths =
    [
        "Kind and thoughtful, especially with younger pupils. Loves building with Lego and explains their designs in detail.",
        "Good sense of humour and well liked by classmates. Enjoys art and draws with real care.",
        "A strong memory for facts about animals and space. Works hard in PE and is a good team player.",
        "Confident with numbers and enjoys maths puzzles. Helpful: likes having a job in the classroom.",
        "Creative and imaginative in stories told aloud. Tries hard and does not give up easily.",
        "Musical: sings in the choir and keeps a steady beat. Caring towards friends who are upset.",
    ];

    private static readonly string[] PupilViews =
    [
        "I like working with the TA in a small group. Writing is hard because my hand gets tired.",
        "I like it when I know what is happening next. I don't like it when it is loud.",
        "Maths is my favourite. I want to get better at reading chapter books.",
        "I like my calm box. Sometimes I get cross at playtime and don't know why.",
    ];

    private static readonly string[] ParentViews =
    [
        "We are pleased with the support and would like ideas for reading practice at home.",
        "Home is going well; mornings are the hardest time. We would like to hear how the check-ins go.",
        "We have noticed more confidence at home and would like this to continue.",
        "We are worried about the move to the next year group and would like a transition plan.",
    ];

    private static readonly (string AboutMe, string Important, string Support, bool OwnWords)[] PassportTexts =
    [
        ("Funny, kind and a brilliant builder. People say I am a good friend.", "My dog Biscuit, football on Saturdays and my nan.", "Give me time to think before I answer. Tell me what is coming next. Let me hold my fidget when I am listening.", true),
        ("Creative, chatty and always ready to help tidy up.", "Drawing, my little sister and having the same seat every day.", "Show me, don't just tell me. Check I have understood the first step before I start.", true),
        ("Caring and gentle with animals and younger children; a hard worker.", "Swimming, my cousins and knowing who will be teaching me.", "Speak to me quietly, not in front of everyone. If I go quiet, I need a break, not more questions.", false),
        ("A great memory for facts and a talented singer.", "Minecraft, the school choir and my grandad's allotment.", "Sit me near the front. Give me instructions one at a time and written down if you can.", true),
        ("Determined and brave: never gives up on a tricky problem.", "My football team, my friends Sam and Ava, and PE.", "Let me move about for a minute when I have been sitting for a long time. Praise me quietly.", false),
    ];

    public static async Task SeedAsync(SencoDbContext db, IReadOnlyList<School> schools, DateOnly today, CancellationToken ct = default)
    {
        var random = new Random(20261123);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName), ct);
        (Guid Id, string Name) U(string email) => users[email];

        for (var s = 0; s < schools.Count; s++)
        {
            var school = schools[s];
            var primary = s == 0;
            var now = DateTime.UtcNow;

            var bank = StrategyBank.Select(b => new Strategy { SchoolId = school.Id, Area = b.Area, Title = b.Title, Description = b.Description, CreatedAt = now, UpdatedAt = now }).ToList();
            db.Strategies.AddRange(bank);
            db.GraduatedSettings.Add(new GraduatedSettings { SchoolId = school.Id, PassportReviewMonths = 6, UpdatedAt = now, UpdatedBy = "Demo data" });
            await db.SaveChangesAsync(ct);
            var byTitle = bank.ToDictionary(b => b.Title);

            var pupils = await db.Pupils.IgnoreQueryFilters().Where(p => p.SchoolId == school.Id).OrderBy(p => p.Upn).ToListAsync(ct);

            // Classes: two per year in the primary (4A, 4B), six forms per year in the secondary (9A … 9F), and a few sets.
            var teacher = primary ? U("teacher@millbrook.example") : U("teacher@hillside.example");
            var ta = U("ta@millbrook.example");
            var groups = new List<TeachingGroup>();
            foreach (var year in pupils.Select(p => p.YearGroup).Distinct().OrderBy(y => y == "R" ? 0 : int.Parse(y)))
            {
                var inYear = pupils.Where(p => p.YearGroup == year).ToList();
                var letters = primary ? "AB" : "ABCDEF";
                for (var c = 0; c < letters.Length; c++)
                {
                    var g = new TeachingGroup { SchoolId = school.Id, Name = $"{year}{letters[c]}", YearGroup = year, CreatedAt = now, UpdatedAt = now };
                    g.Pupils.AddRange(inYear.Where((_, i) => i % letters.Length == c).Select(p => new TeachingGroupPupil { SchoolId = school.Id, PupilId = p.Id }));
                    groups.Add(g);
                }
            }
            if (primary)
            {
                // Priya Nair teaches 4B; Dan Hughes supports 4B and 3A.
                groups.Single(g => g.Name == "4B").Teachers.AddRange([new TeachingGroupTeacher { SchoolId = school.Id, UserId = teacher.Id }, new TeachingGroupTeacher { SchoolId = school.Id, UserId = ta.Id }]);
                groups.Single(g => g.Name == "3A").Teachers.Add(new TeachingGroupTeacher { SchoolId = school.Id, UserId = ta.Id });
            }
            else
            {
                // Nadia Hussain is 9C's form tutor and teaches a Year 9 and a Year 10 English set.
                groups.Single(g => g.Name == "9C").Teachers.Add(new TeachingGroupTeacher { SchoolId = school.Id, UserId = teacher.Id });
                foreach (var (name, year) in new[] { ("Y9 English set 3", "9"), ("Y10 English set 2", "10") })
                {
                    var set = new TeachingGroup { SchoolId = school.Id, Name = name, YearGroup = year, CreatedAt = now, UpdatedAt = now };
                    set.Pupils.AddRange(pupils.Where(p => p.YearGroup == year).Where((_, i) => i % 6 is 1 or 4).Take(28).Select(p => new TeachingGroupPupil { SchoolId = school.Id, PupilId = p.Id }));
                    set.Teachers.Add(new TeachingGroupTeacher { SchoolId = school.Id, UserId = teacher.Id });
                    groups.Add(set);
                }
            }
            db.TeachingGroups.AddRange(groups);

            var senco = primary ? U("senco@millbrook.example") : U("senco@hillside.example");
            var assistant = U("assistant.senco@millbrook.example");
            var onRegister = pupils.Where(p => p.SenStatus != SenStatus.N).ToList();
            var kPupils = onRegister.Where(p => p.SenStatus == SenStatus.K).ToList();
            var teacherPupils = groups.Where(g => g.Teachers.Any(t => t.UserId == teacher.Id)).SelectMany(g => g.Pupils.Select(p => p.PupilId)).ToHashSet();

            // Parents told: for nearly everyone on the register; a few records missing, so the prompt shows.
            var notTold = kPupils.Where((_, i) => i % 17 == 5).Select(p => p.Id).ToHashSet();
            foreach (var p in onRegister.Where(p => !notTold.Contains(p.Id) && p.OnRegisterSince is not null))
            {
                var told = p.OnRegisterSince!.Value.AddDays(random.Next(0, 6));
                if (told > today) told = today;
                db.ParentsInformed.Add(new ParentsInformed
                {
                    PupilId = p.Id, SchoolId = school.Id, SupportStartedOn = p.OnRegisterSince, ToldOn = told, How = (ParentContactMethod)random.Next(0, 4),
                    Note = random.Next(3) == 0 ? "Copy of the support plan sent home afterwards." : null, RecordedById = senco.Id, RecordedBy = senco.Name, RecordedAt = now,
                });
            }

            // Support plans for most pupils on SEN support.
            var planned = 0;
            for (var i = 0; i < kPupils.Count; i++)
            {
                var p = kPupils[i];
                if (i % 7 == 3) continue; // about one in seven has no plan yet
                var lead = primary ? (i % 4 == 0 ? assistant : senco) : (i % 3 == 0 ? assistant : senco);
                var profile = ProfileFor(p.PrimaryNeed);
                var second = p.SecondaryNeed is { } sn ? ProfileFor(sn) : null;
                // Which kind of cycle: some overdue, some due soon, a few in their second cycle, the rest under way.
                var kind = (planned % 10) switch { 0 or 5 => "overdue", 3 => "soon", 7 when planned < 60 => "second", _ => "running" };
                planned++;
                var strengths = Strengths[random.Next(Strengths.Length)];
                if (kind == "second")
                {
                    var start1 = today.AddDays(-random.Next(150, 170));
                    var held = start1.AddDays(84 + random.Next(0, 4));
                    var first = NewPlan(school.Id, p, 1, null, start1, start1.AddDays(84), strengths, profile, second, lead, senco.Name, now, random, byTitle);
                    first.Status = SupportPlanStatus.Reviewed;
                    var ratings = new[] { OutcomeState.Achieved, OutcomeState.PartlyAchieved, OutcomeState.NotYetAchieved };
                    for (var o = 0; o < first.Outcomes.Count; o++)
                    {
                        first.Outcomes[o].State = ratings[o % 3];
                        first.Outcomes[o].Evidence = ratings[o % 3] switch
                        {
                            OutcomeState.Achieved => "Met in every check over the last three weeks.",
                            OutcomeState.PartlyAchieved => "Met with adult prompting; not yet independently.",
                            _ => "Some progress in the small group, but not yet in class.",
                        };
                    }
                    foreach (var st in first.Strategies) st.Continued = true;
                    var secondId = Guid.CreateVersion7();
                    first.Review = new PlanReview
                    {
                        SchoolId = school.Id, HeldOn = held, NextPlanId = secondId, RecordedById = senco.Id, RecordedBy = senco.Name, RecordedAt = now,
                        WhatWeLearned = "The daily short sessions made the difference; the strategies in class need more consistent use across the week.",
                        PupilViews = PupilViews[random.Next(PupilViews.Length)], ParentViews = ParentViews[random.Next(ParentViews.Length)],
                    };
                    var rolled = PlanReviewRules.RollOver(
                        first.Outcomes.Select(o => new RatedOutcome(o.Id, o.Description, o.ByWhen, o.Measure, o.State)).ToList(),
                        first.Strategies.Select(st => new CycleStrategy(0, st.StrategyId, st.Description, st.Who, st.HowOften, true)).ToList(),
                        held, held.AddDays(84));
                    var next = NewPlan(school.Id, p, 2, first.Id, held, held.AddDays(84), strengths, profile, second, lead, senco.Name, now, random, byTitle);
                    next.Id = secondId;
                    next.Outcomes = rolled.Outcomes.Select((o, n) => new PlanOutcome { SchoolId = school.Id, Position = n, Description = o.Description, ByWhen = o.ByWhen, Measure = o.Measure }).ToList();
                    next.Outcomes.Add(new PlanOutcome { SchoolId = school.Id, Position = next.Outcomes.Count, Description = "Read a short book to an adult at home twice a week", ByWhen = held.AddDays(80), Measure = "Reading record signed at home" });
                    next.PupilViews = first.Review.PupilViews;
                    next.ParentViews = first.Review.ParentViews;
                    db.SupportPlans.Add(first);
                    await db.SaveChangesAsync(ct);
                    // The carried outcomes point back to the ones they continue (ids exist now).
                    var carried = first.Outcomes.Where(o => OutcomeStates.CarriesForward(o.State)).ToList();
                    for (var n = 0; n < carried.Count; n++) next.Outcomes[n].CarriedFromOutcomeId = carried[n].Id;
                    db.SupportPlans.Add(next);
                    continue;
                }
                var start = kind switch
                {
                    "overdue" => today.AddDays(-random.Next(90, 110)),
                    "soon" => today.AddDays(-random.Next(72, 82)),
                    _ => today.AddDays(-random.Next(5, 55)),
                };
                db.SupportPlans.Add(NewPlan(school.Id, p, 1, null, start, start.AddDays(84), strengths, profile, second, lead, senco.Name, now, random, byTitle));
            }

            // Passports: many pupils on the register, every one of the demo teacher's; a couple overdue for review.
            var keeper = primary ? ta : assistant;
            var withPassport = onRegister.Where((p, i) => i % 3 != 2 || teacherPupils.Contains(p.Id))
                // A passport is for any pupil who benefits, on the register or not: a few of the demo teacher's class.
                .Concat(pupils.Where(p => p.SenStatus == SenStatus.N && teacherPupils.Contains(p.Id)).Where((_, i) => i % 4 == 1))
                .ToList();
            var passports = new List<LearningPassport>();
            for (var i = 0; i < withPassport.Count; i++)
            {
                var p = withPassport[i];
                var text = PassportTexts[i % PassportTexts.Length];
                var profile = ProfileFor(p.PrimaryNeed);
                var reviewed = i % 11 == 4 ? today.AddMonths(-7).AddDays(-random.Next(0, 40)) : today.AddDays(-random.Next(3, 150));
                passports.Add(new LearningPassport
                {
                    Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = p.Id,
                    AboutMe = text.AboutMe, AboutMeOwnWords = text.OwnWords, ImportantToMe = text.Important, ImportantToMeOwnWords = true,
                    HowToSupportMe = text.Support, HowToSupportMeOwnWords = text.OwnWords && i % 2 == 0,
                    KeyStrategies = string.Join('\n', profile.Strategies.Take(3)),
                    LastReviewedOn = reviewed, KeptByUserId = i % 4 == 3 ? null : keeper.Id, KeptByName = i % 4 == 3 ? null : keeper.Name,
                    Version = 1, CreatedAt = now, UpdatedAt = now, UpdatedBy = senco.Name,
                });
            }
            db.Passports.AddRange(passports);

            // The demo teacher has read some of their pupils' passports, not all.
            var theirs = passports.Where(x => teacherPupils.Contains(x.PupilId)).ToList();
            foreach (var x in theirs.Where((_, i) => i % 2 == 0))
                db.PassportReadings.Add(new PassportReading { PassportId = x.Id, SchoolId = school.Id, UserId = teacher.Id, UserName = teacher.Name, Version = x.Version, ReadAt = now.AddDays(-random.Next(1, 20)) });
            // The adult who keeps passports up to date has read most of them.
            foreach (var x in passports.Where((x, i) => x.KeptByUserId == keeper.Id && i % 3 != 0))
                db.PassportReadings.Add(new PassportReading { PassportId = x.Id, SchoolId = school.Id, UserId = keeper.Id, UserName = keeper.Name, Version = x.Version, ReadAt = now.AddDays(-random.Next(1, 60)) });
            if (primary && theirs.Count > 1)
            {
                // One change proposed by the teaching assistant, waiting for the SENCO.
                var x = theirs[1];
                db.PassportProposals.Add(new PassportProposal
                {
                    PassportId = x.Id, SchoolId = school.Id, PupilId = x.PupilId, BasedOnVersion = x.Version,
                    AboutMe = x.AboutMe, AboutMeOwnWords = x.AboutMeOwnWords, ImportantToMe = x.ImportantToMe + " Swimming lessons on Tuesdays.", ImportantToMeOwnWords = true,
                    HowToSupportMe = x.HowToSupportMe, HowToSupportMeOwnWords = x.HowToSupportMeOwnWords, KeyStrategies = x.KeyStrategies + "\nMovement breaks",
                    Note = "They told me this week they have started swimming lessons and love them. A movement break after lunch really helps.",
                    Status = ProposalStatus.Pending, ProposedById = ta.Id, ProposedBy = ta.Name, ProposedAt = now.AddDays(-2),
                });
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private static SupportPlan NewPlan(int schoolId, Pupil p, int cycle, Guid? previous, DateOnly start, DateOnly due, string strengths, NeedProfile profile,
        NeedProfile? second, (Guid Id, string Name) lead, string by, DateTime now, Random random, IReadOnlyDictionary<string, Strategy> bank)
    {
        var plan = new SupportPlan
        {
            Id = Guid.CreateVersion7(), SchoolId = schoolId, PupilId = p.Id, Cycle = cycle, PreviousPlanId = previous, Status = SupportPlanStatus.Current,
            StartedOn = start, ReviewDue = due, Strengths = strengths,
            Evidence = p.PrimaryNeed switch
            {
                "SLCN" => "Speech and language screening (term 1); class teacher observations; parents' concerns at the autumn meeting.",
                "SPLD" => "Specialist teacher assessment; single-word reading and spelling tests; samples of writing.",
                "SEMH" => "Behaviour log over six weeks; Boxall profile; conversations with the pupil and parents.",
                "HI" or "VI" or "MSI" => "Report from the LA sensory support service; class observations.",
                _ => "Termly assessments below age-related expectations; book scrutiny; class teacher and SENCO observations.",
            },
            PupilViews = random.Next(4) == 0 ? null : PupilViews[random.Next(PupilViews.Length)],
            ParentViews = random.Next(4) == 0 ? null : ParentViews[random.Next(ParentViews.Length)],
            LeadUserId = lead.Id, LeadName = lead.Name, Version = 1, CreatedAt = now, CreatedBy = by, UpdatedAt = now, UpdatedBy = by,
        };
        void SetNeeds(NeedProfile np)
        {
            switch (np.Area)
            {
                case BroadArea.CognitionAndLearning: plan.NeedsCognitionAndLearning ??= np.Needs; break;
                case BroadArea.CommunicationAndInteraction: plan.NeedsCommunicationAndInteraction ??= np.Needs; break;
                case BroadArea.SocialEmotionalMentalHealth: plan.NeedsSocialEmotionalMentalHealth ??= np.Needs; break;
                default: plan.NeedsSensoryPhysical ??= np.Needs; break;
            }
        }
        SetNeeds(profile);
        if (second is not null) SetNeeds(second);
        var outcomes = profile.Outcomes.Take(random.Next(2, Math.Min(3, profile.Outcomes.Length) + 1)).ToList();
        plan.Outcomes = outcomes.Select((o, i) => new PlanOutcome
        {
            SchoolId = schoolId, Position = i, Description = o.What, Measure = o.Measure, ByWhen = due.AddDays(-random.Next(0, 14)), State = OutcomeState.Open,
        }).ToList();
        var who = new[] { "Class teacher", "Teaching assistant", "Class teacher and TA", "SENCO" };
        var often = new[] { "Every lesson", "Daily, 10 minutes", "3 × 20 minutes a week", "Weekly", "When needed" };
        plan.Strategies = profile.Strategies.Concat(second?.Strategies.Take(1) ?? []).Distinct().Take(4).Select((t, i) =>
        {
            var b = bank[t];
            return new PlanStrategy
            {
                SchoolId = schoolId, Position = i, StrategyId = b.Id, Description = $"{b.Title}: {b.Description}", Who = who[random.Next(who.Length)], HowOften = often[random.Next(often.Length)],
            };
        }).ToList();
        return plan;
    }
}

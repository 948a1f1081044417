using System.Text;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;

namespace Senco.Web.Features.Demo;

/// <summary>
/// The demo primary's team around the child: an agencies directory, parents' contacts, consent (one withdrawn),
/// referrals at every stage with waits, a communication log, pupil voice, a past multi-agency meeting whose actions
/// belong to the demo TA, teacher and SENCO, a review coming up, safeguarding flags, one restricted note, an Early Help
/// plan with a review, the designations (the head as DSL), and staff training. Every name is fictional.
/// </summary>
public static class TeamDemo
{
    public static async Task SeedAsync(SencoDbContext db, IReadOnlyList<School> schools, DateOnly today)
    {
        var school = schools[0];
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName));
        var senco = users["senco@millbrook.example"];
        var ta = users["ta@millbrook.example"];
        var teacher = users["teacher@millbrook.example"];
        var head = users["head@millbrook.example"];

        db.TeamSettings.Add(new TeamSettings { SchoolId = school.Id, DslUserId = head.Id, DeputyDslUserId = senco.Id, DesignatedTeacherUserId = teacher.Id, MaxUploadMegabytes = 10, Version = 1 });

        Agency A(string name, AgencyKind kind, string contact, string phone, string email) =>
            new() { Id = Guid.CreateVersion7(), SchoolId = school.Id, Name = name, Kind = kind, ContactName = contact, Phone = phone, Email = email, Version = 1 };
        var ep = A("Riverside Educational Psychology Service (demo)", AgencyKind.EducationalPsychology, "Dr Imani Cole", "01632 960 101", "eps@riverside-la.example");
        var salt = A("Brookvale Children's Speech and Language Therapy (demo)", AgencyKind.SpeechAndLanguageTherapy, "Hattie Moss", "01632 960 215", "salt@brookvale-nhs.example");
        var ot = A("Brookvale Children's Occupational Therapy (demo)", AgencyKind.OccupationalTherapy, "Owen Price", "01632 960 330", "ot@brookvale-nhs.example");
        var camhs = A("Riverside CAMHS (demo)", AgencyKind.Camhs, "Duty worker", "01632 960 444", "camhs.referrals@brookvale-nhs.example");
        var sensory = A("Riverside Sensory Support Team (demo)", AgencyKind.SensoryService, "Tessa Lund (QTVI)", "01632 960 512", "sensory@riverside-la.example");
        var send = A("Riverside SEND Team (demo)", AgencyKind.LaSenTeam, "Caseworker: Femi Adams", "01632 960 600", "send@riverside-la.example");
        var nursing = A("School Nursing Team (demo)", AgencyKind.SchoolNursing, "Nurse Joy Bakare", "01632 960 707", "schoolnurses@brookvale-nhs.example");
        db.Agencies.AddRange(ep, salt, ot, camhs, sensory, send, nursing);

        var pupils = await db.Pupils.Where(p => p.SchoolId == school.Id && p.OnRoll && p.SenStatus != SenStatus.N)
            .OrderBy(p => p.Surname).ThenBy(p => p.Forename).ThenBy(p => p.Upn).Take(12).ToListAsync();
        if (pupils.Count < 8) return;

        var relationships = new[] { ("Mother", true), ("Father", true), ("Grandmother", false), ("Foster carer", false), ("Stepfather", false) };
        for (var i = 0; i < pupils.Count; i++)
        {
            var p = pupils[i];
            var (rel, pr) = relationships[i % relationships.Length];
            db.PupilContacts.Add(new PupilContact
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = p.Id, Name = $"{(rel is "Mother" or "Grandmother" ? "Mrs" : "Mr")} {p.Surname}", Relationship = rel,
                ParentalResponsibility = pr, Phone = $"07700 900 {100 + i:000}", Email = $"family.{p.Surname.ToLowerInvariant()}@example.org",
                PreferredMethod = i % 3 == 0 ? ContactMethod.Email : ContactMethod.Phone, Notes = i % 4 == 1 ? "Works shifts: call after 4pm." : null,
            });
        }

        ConsentRecord Consent(Pupil p, string purpose, int daysAgo, int? withdrawnDaysAgo = null)
        {
            var c = new ConsentRecord
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = p.Id, Purpose = purpose, GivenBy = $"Mrs {p.Surname} (mother)", GivenOn = today.AddDays(-daysAgo),
                WithdrawnOn = withdrawnDaysAgo is { } w ? today.AddDays(-w) : null, RecordedBy = senco.DisplayName,
            };
            db.ConsentRecords.Add(c);
            return c;
        }

        Referral Refer(Pupil p, Agency agency, string reason, ConsentRecord? consent, ReferralStatus status, int? sentDaysAgo, int? seenDaysAgo = null, string? outcome = null)
        {
            var r = new Referral
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = p.Id, AgencyId = agency.Id, Reason = reason, ConsentId = consent?.Id, Status = status,
                SentOn = sentDaysAgo is { } s ? today.AddDays(-s) : null, SeenOn = seenDaysAgo is { } n ? today.AddDays(-n) : null, Outcome = outcome,
                CreatedBy = senco.DisplayName, CreatedAt = DateTime.UtcNow.AddDays(-(sentDaysAgo ?? 1)), Version = 1,
            };
            db.Referrals.Add(r);
            return r;
        }

        var p0 = pupils[0];
        var seen = Refer(p0, salt, "Expressive language and word-finding difficulties noticed in class; Talk Boost progress slower than peers.", Consent(p0, "Referral to speech and language therapy", 120),
            ReferralStatus.Seen, 110, 40, "Assessment completed: expressive language disorder. Programme of targets for school, review in six months.");
        Refer(pupils[1], ep, "Cognition and learning assessment: progress well below expectations despite two cycles of SEN support.", Consent(pupils[1], "Referral to the educational psychologist", 70),
            ReferralStatus.Sent, 63);
        Refer(pupils[2], ot, "Fine motor difficulties affecting handwriting and dressing for PE.", Consent(pupils[2], "Referral to occupational therapy", 45), ReferralStatus.Accepted, 40);
        Refer(pupils[3], camhs, "Anxiety affecting attendance; school-based support in place since spring.", Consent(pupils[3], "Referral to CAMHS", 30, withdrawnDaysAgo: 5), ReferralStatus.Sent, 28);
        Refer(pupils[4], sensory, "Suspected hearing loss: audiology follow-up requested by parents.", Consent(pupils[4], "Referral to the sensory support team", 200),
            ReferralStatus.Closed, 190, 150, "Mild bilateral loss; radio aid advice given; no further visits needed.");
        Refer(pupils[5], ep, "Consultation about social communication; parents want advice before any assessment request.", null, ReferralStatus.Draft, null);
        Refer(pupils[6], salt, "Stammering affecting confidence to speak in class.", Consent(pupils[6], "Referral to speech and language therapy", 90), ReferralStatus.Seen, 85, 20,
            "Seen for block of six sessions; strategies for staff shared.");
        Consent(pupils[0], "Sharing information with the school nursing team", 30);
        Consent(pupils[7], "Photographs of work for the learning passport", 15);

        // A short report attached to the referral that was seen (a fictional PDF).
        var report = Encoding.ASCII.GetBytes("%PDF-1.4\n% Fictional speech and language therapy report (demo)\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var doc = new TeamDocument
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = p0.Id, ReferralId = seen.Id, FileName = "Speech and language therapy report.pdf", ContentType = "application/pdf",
            Size = report.Length, Description = "Assessment report (fictional)", UploadedBy = senco.DisplayName, UploadedAt = DateTime.UtcNow.AddDays(-38),
        };
        db.TeamDocuments.Add(doc);
        db.TeamDocumentContents.Add(new TeamDocumentContent { DocumentId = doc.Id, SchoolId = school.Id, Content = report });

        void Log(Pupil p, int daysAgo, CommunicationKind kind, string with, string summary) => db.CommunicationEntries.Add(new CommunicationEntry
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = p.Id, On = today.AddDays(-daysAgo), Kind = kind, With = with, Summary = summary,
            RecordedBy = senco.DisplayName, RecordedAt = DateTime.UtcNow.AddDays(-daysAgo),
        });
        Log(p0, 41, CommunicationKind.Call, $"Mrs {p0.Surname} (mother)", "Shared the therapist's findings; mum pleased and will practise the vocabulary game at home.");
        Log(p0, 12, CommunicationKind.Email, "Hattie Moss (SALT)", "Asked for the six-month review date; therapist will visit in the spring term.");
        Log(pupils[1], 60, CommunicationKind.Meeting, $"Mr and Mrs {pupils[1].Surname}", "Agreed to refer to the EP; parents worried about reading at home.");
        Log(pupils[3], 5, CommunicationKind.Call, $"Mrs {pupils[3].Surname} (mother)", "Mum withdrew consent for the CAMHS referral: the family is using a private counsellor. Agreed to review in half a term.");
        Log(pupils[2], 20, CommunicationKind.Letter, $"Parents of {pupils[2].Forename}", "Letter confirming the OT referral was accepted and the expected wait.");
        Log(pupils[7], 3, CommunicationKind.ParentsEvening, $"Mr {pupils[7].Surname}", "Passport targets shared; dad asked for the word mat to use at home.");

        void Voice(Pupil p, int daysAgo, VoiceContext ctx, string words, string by, string how) => db.PupilVoices.Add(new PupilVoice
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = p.Id, On = today.AddDays(-daysAgo), Context = ctx, Words = words, CapturedBy = by, How = how,
        });
        Voice(p0, 30, VoiceContext.Passport, "I like it when I can draw my answer first. Loud rooms make my words get stuck.", ta.DisplayName, "Talking during a Talk Boost session");
        Voice(pupils[1], 50, VoiceContext.SupportPlan, "Reading is hard when the letters are small. I'm good at building things.", senco.DisplayName, "Talking, with picture prompts");
        Voice(pupils[3], 25, VoiceContext.Review, "I feel better when I can go to the calm room before lessons.", teacher.DisplayName, "Scaling 1 to 5 and talking");

        // A past multi-agency meeting with actions owned by the demo TA, teacher and SENCO, and a review coming up.
        var held = today.AddDays(-6).ToDateTime(new TimeOnly(15, 30));
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = p0.Id, Kind = MeetingKind.MultiAgency, Title = $"Multi-agency meeting: {p0.Forename}",
            StartsAt = held, DurationMinutes = 60, Location = "Meeting room 2", CreatedBy = senco.DisplayName, Version = 2,
            Invited = $"Mrs {p0.Surname} (mother)\nHattie Moss (speech and language therapist)\n{teacher.DisplayName}\n{ta.DisplayName}",
            Attendees = $"Mrs {p0.Surname} (mother)\nHattie Moss (speech and language therapist)\n{teacher.DisplayName}\n{senco.DisplayName}",
            Notes = "Therapist summarised the assessment. Agreed to add the therapy targets to the passport and to use visual prompts in class. Mum reports less frustration at home.",
        };
        db.Meetings.Add(meeting);
        void Act(Meeting m, string description, (Guid Id, string DisplayName) owner, int dueInDays, bool done = false) => db.MeetingActions.Add(new MeetingAction
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, MeetingId = m.Id, Description = description, OwnerUserId = owner.Id, OwnerName = owner.DisplayName,
            DueOn = today.AddDays(dueInDays), DoneOn = done ? today.AddDays(-2) : null,
        });
        Act(meeting, "Run the word-finding game three times a week in Talk Boost", ta, 8);
        Act(meeting, "Add visual prompts for the class carpet sessions", teacher, 4);
        Act(meeting, "Update the learning passport with the therapy targets", senco, -1);
        Act(meeting, "Send the meeting notes to parents and the therapist", senco, -3, done: true);
        db.Meetings.Add(new Meeting
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = pupils[1].Id, Kind = MeetingKind.Review, Title = $"Support plan review: {pupils[1].Forename}",
            StartsAt = today.AddDays(9).ToDateTime(new TimeOnly(8, 30)), DurationMinutes = 45, Location = "SENCO office", CreatedBy = senco.DisplayName, Version = 1,
            Invited = $"Mr and Mrs {pupils[1].Surname}\n{teacher.DisplayName}",
        });

        // Safeguarding liaison: a child in need, a looked-after child, one restricted note, an Early Help plan.
        db.SafeguardingFlags.Add(new SafeguardingFlags { Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = pupils[3].Id, ChildInNeed = true, UpdatedBy = head.DisplayName, UpdatedAt = DateTime.UtcNow, Version = 1 });
        var looked = await db.Pupils.Where(p => p.SchoolId == school.Id && p.LookedAfter).OrderBy(p => p.Surname).FirstOrDefaultAsync();
        if (looked is not null)
            db.SafeguardingFlags.Add(new SafeguardingFlags
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = looked.Id, LookedAfter = true, VirtualSchoolContact = "Riverside Virtual School (demo), 01632 960 800",
                DesignatedTeacher = teacher.DisplayName, UpdatedBy = head.DisplayName, UpdatedAt = DateTime.UtcNow, Version = 1,
            });
        db.RestrictedNotes.Add(new RestrictedNote
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = pupils[3].Id, Category = RestrictedNoteCategory.Safeguarding, Title = "Child in need meeting",
            Text = "Fictional demo note: social worker attended the child in need meeting; plan reviewed, school to share attendance weekly with the social worker.",
            WrittenBy = head.DisplayName, WrittenAt = DateTime.UtcNow.AddDays(-10),
        });
        var plan = new EarlyHelpPlan
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = pupils[2].Id, StartedOn = today.AddDays(-90), LeadProfessional = "Family support worker, Riverside Early Help (demo)",
            Needs = "Morning routines and punctuality; support for parents with sleep routines.", Outcomes = "Arrives on time four days in five; settled start to the day.",
            Status = EarlyHelpStatus.Open, NextReviewOn = today.AddDays(20),
        };
        db.EarlyHelpPlans.Add(plan);
        db.EarlyHelpReviews.Add(new EarlyHelpReview { Id = Guid.CreateVersion7(), SchoolId = school.Id, PlanId = plan.Id, HeldOn = today.AddDays(-40), Progress = "Punctuality improved from 2 to 3 days in 5; breakfast club place agreed.", NextReviewOn = today.AddDays(20), RecordedBy = senco.DisplayName });

        // Staff development: training, needs, an INSET session, and the TA's appraisal (line-managed by the SENCO).
        var staff = await db.StaffMembers.Where(s => s.SchoolId == school.Id).ToDictionaryAsync(s => s.Name);
        void Train(string who, string title, string provider, int daysAgo, decimal hours, int? renewInDays = null)
        {
            if (!staff.TryGetValue(who, out var s)) return;
            db.TrainingRecords.Add(new TrainingRecord { Id = Guid.CreateVersion7(), SchoolId = school.Id, StaffMemberId = s.Id, Title = title, Provider = provider, CompletedOn = today.AddDays(-daysAgo), Hours = hours, RenewBy = renewInDays is { } r ? today.AddDays(r) : null });
        }
        Train("Dan Hughes", "Talk Boost KS1 licence", "Speech and Language UK (demo)", 200, 6m);
        Train("Dan Hughes", "Safeguarding level 1", "Riverside LA (demo)", 400, 2m, renewInDays: 330);
        Train("Bethan Lloyd", "Precision teaching", "Riverside Educational Psychology Service (demo)", 120, 3m);
        Train("Kwame Asante", "Team Teach positive handling", "Team Teach trainer (demo)", 800, 12m, renewInDays: -70);
        Train("Ruth Okafor", "National Professional Qualification for SENCOs (NPQSENCO)", "Riverside Teaching School Hub (demo)", 300, 60m);
        void Need(string who, string area, string reason, NeedPriority p)
        {
            if (staff.TryGetValue(who, out var s)) db.TrainingNeeds.Add(new TrainingNeed { Id = Guid.CreateVersion7(), SchoolId = school.Id, StaffMemberId = s.Id, Area = area, Reason = reason, Priority = p });
        }
        Need("Kwame Asante", "Positive handling refresher", "Certificate expired; supports a pupil with an EHC plan for SEMH.", NeedPriority.High);
        Need("Sophie Turner", "Supporting autistic pupils at lunchtime", "New to lunchtime duties with two autistic pupils.", NeedPriority.Medium);
        Need("Priya Nair", "Adaptive teaching for pupils with DLD", "Three pupils in 4B with speech and language needs.", NeedPriority.Medium);
        db.InsetSessions.Add(new InsetSession
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, On = today.AddDays(-50), Title = "Using learning passports in class", LedBy = senco.DisplayName,
            Attendees = "All teaching staff\nAll teaching assistants", Evaluation = "Staff rated it 4.5/5; next step: passport check-ins at pupil progress meetings.",
        });
        if (staff.TryGetValue("Dan Hughes", out var dan))
        {
            var year = Senco.Core.SchoolYear.Containing(today).ToString();
            db.AppraisalObjectives.Add(new AppraisalObjective { Id = Guid.CreateVersion7(), SchoolId = school.Id, StaffMemberId = dan.Id, AcademicYear = year, Objective = "Lead Talk Boost for two groups and show progress on the Talk Boost measures.", SuccessCriteria = "Most pupils make at least expected progress on exit assessment.", SetBy = senco.DisplayName });
            db.AppraisalObjectives.Add(new AppraisalObjective { Id = Guid.CreateVersion7(), SchoolId = school.Id, StaffMemberId = dan.Id, AcademicYear = year, Objective = "Contribute to learning passport reviews for the pupils he supports.", SetBy = senco.DisplayName, ReviewedOn = today.AddDays(-10), ReviewNotes = "Mid-year: proposals submitted for four passports, all approved." });
        }

        await db.SaveChangesAsync();
    }
}

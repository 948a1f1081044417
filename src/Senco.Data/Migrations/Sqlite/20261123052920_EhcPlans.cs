using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Senco.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EhcPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarFeedTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeedTokens", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_CalendarFeedTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EhcNeedsAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequestReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecisionToAssessOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WillAssess = table.Column<bool>(type: "INTEGER", nullable: true),
                    DraftPlanServedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionNotToIssueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinalPlanIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcNeedsAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcNeedsAssessments_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EhcPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LocalAuthority = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CaseOfficer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CaseOfficerEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SectionA = table.Column<string>(type: "TEXT", nullable: true),
                    SectionC = table.Column<string>(type: "TEXT", nullable: true),
                    SectionD = table.Column<string>(type: "TEXT", nullable: true),
                    SectionG = table.Column<string>(type: "TEXT", nullable: true),
                    SectionH1 = table.Column<string>(type: "TEXT", nullable: true),
                    SectionH2 = table.Column<string>(type: "TEXT", nullable: true),
                    SectionI = table.Column<string>(type: "TEXT", nullable: true),
                    SectionJ = table.Column<string>(type: "TEXT", nullable: true),
                    SectionK = table.Column<string>(type: "TEXT", nullable: true),
                    CeasedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CeasedReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcPlans_Pupils_PupilId",
                        column: x => x.PupilId,
                        principalTable: "Pupils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EhcEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Dated = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcEvidence_EhcNeedsAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "EhcNeedsAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EhcTimescaleExceptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AdviceRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcTimescaleExceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcTimescaleExceptions_EhcNeedsAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "EhcNeedsAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnnualReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InvitationsSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdviceCirculatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Attendees = table.Column<string>(type: "TEXT", nullable: true),
                    PupilViews = table.Column<string>(type: "TEXT", nullable: true),
                    ParentViews = table.Column<string>(type: "TEXT", nullable: true),
                    ReportSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LaDecision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LaDecisionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AmendmentsProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Amendments = table.Column<string>(type: "TEXT", nullable: true),
                    AmendedPlanIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReviews_EhcPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EhcPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EhcNeeds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedType = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcNeeds_EhcPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EhcPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EhcOutcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NeedId = table.Column<long>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcOutcomes_EhcNeeds_NeedId",
                        column: x => x.NeedId,
                        principalTable: "EhcNeeds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EhcProvision",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NeedId = table.Column<long>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    HoursPerWeek = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    AnnualCost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    FundedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EhcProvision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EhcProvision_EhcNeeds_NeedId",
                        column: x => x.NeedId,
                        principalTable: "EhcNeeds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewOutcomeProgress",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OutcomeId = table.Column<long>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewOutcomeProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewOutcomeProgress_AnnualReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "AnnualReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewOutcomeProgress_EhcOutcomes_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "EhcOutcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReviews_PlanId_MeetingOn",
                table: "AnnualReviews",
                columns: new[] { "PlanId", "MeetingOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReviews_SchoolId",
                table: "AnnualReviews",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeedTokens_TokenHash",
                table: "CalendarFeedTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EhcEvidence_AssessmentId",
                table: "EhcEvidence",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EhcNeeds_PlanId",
                table: "EhcNeeds",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_EhcNeedsAssessments_PupilId",
                table: "EhcNeedsAssessments",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_EhcNeedsAssessments_SchoolId_PupilId",
                table: "EhcNeedsAssessments",
                columns: new[] { "SchoolId", "PupilId" });

            migrationBuilder.CreateIndex(
                name: "IX_EhcOutcomes_NeedId",
                table: "EhcOutcomes",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_EhcPlans_PupilId",
                table: "EhcPlans",
                column: "PupilId");

            migrationBuilder.CreateIndex(
                name: "IX_EhcPlans_SchoolId_PupilId",
                table: "EhcPlans",
                columns: new[] { "SchoolId", "PupilId" });

            migrationBuilder.CreateIndex(
                name: "IX_EhcProvision_NeedId",
                table: "EhcProvision",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_EhcTimescaleExceptions_AssessmentId",
                table: "EhcTimescaleExceptions",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewOutcomeProgress_OutcomeId",
                table: "ReviewOutcomeProgress",
                column: "OutcomeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewOutcomeProgress_ReviewId_OutcomeId",
                table: "ReviewOutcomeProgress",
                columns: new[] { "ReviewId", "OutcomeId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarFeedTokens");

            migrationBuilder.DropTable(
                name: "EhcEvidence");

            migrationBuilder.DropTable(
                name: "EhcProvision");

            migrationBuilder.DropTable(
                name: "EhcTimescaleExceptions");

            migrationBuilder.DropTable(
                name: "ReviewOutcomeProgress");

            migrationBuilder.DropTable(
                name: "EhcNeedsAssessments");

            migrationBuilder.DropTable(
                name: "AnnualReviews");

            migrationBuilder.DropTable(
                name: "EhcOutcomes");

            migrationBuilder.DropTable(
                name: "EhcNeeds");

            migrationBuilder.DropTable(
                name: "EhcPlans");
        }
    }
}

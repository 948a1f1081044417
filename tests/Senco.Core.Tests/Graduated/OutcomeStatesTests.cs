using Senco.Core.Graduated;

namespace Senco.Core.Tests.Graduated;

public class OutcomeStatesTests
{
    [Theory]
    [InlineData(OutcomeState.Open, false)]
    [InlineData(OutcomeState.Achieved, false)]
    [InlineData(OutcomeState.PartlyAchieved, true)]
    [InlineData(OutcomeState.NotYetAchieved, true)]
    public void Only_outcomes_not_fully_achieved_carry_forward(OutcomeState state, bool carries) =>
        Assert.Equal(carries, OutcomeStates.CarriesForward(state));

    [Theory]
    [InlineData("Achieved", OutcomeState.Achieved)]
    [InlineData("achieved", OutcomeState.Achieved)]
    [InlineData("PartlyAchieved", OutcomeState.PartlyAchieved)]
    [InlineData("partly", OutcomeState.PartlyAchieved)]
    [InlineData("Partly achieved", OutcomeState.PartlyAchieved)]
    [InlineData("NotYetAchieved", OutcomeState.NotYetAchieved)]
    [InlineData("not-yet", OutcomeState.NotYetAchieved)]
    [InlineData(" NOT_YET_ACHIEVED ", OutcomeState.NotYetAchieved)]
    public void Reads_ratings_as_clients_send_them(string text, OutcomeState expected)
    {
        Assert.True(OutcomeStates.TryParseRating(text, out var state));
        Assert.Equal(expected, state);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Open")]       // not a rating: a review must decide
    [InlineData("0")]
    [InlineData("maybe")]
    public void Refuses_anything_that_is_not_a_rating(string? text) =>
        Assert.False(OutcomeStates.TryParseRating(text, out _));

    [Fact]
    public void The_three_ratings_in_form_order()
    {
        Assert.Equal([OutcomeState.Achieved, OutcomeState.PartlyAchieved, OutcomeState.NotYetAchieved], OutcomeStates.Ratings);
        Assert.All(OutcomeStates.Ratings, r => Assert.True(OutcomeStates.IsRating(r)));
        Assert.False(OutcomeStates.IsRating(OutcomeState.Open));
        Assert.Equal("In progress", OutcomeStates.Describe(OutcomeState.Open));
        Assert.Equal("Partly achieved", OutcomeStates.Describe(OutcomeState.PartlyAchieved));
    }
}

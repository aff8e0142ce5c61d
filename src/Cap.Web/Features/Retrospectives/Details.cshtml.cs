using Cap.Data;
using Cap.Web.Shared.Auth;

namespace Cap.Web.Features.Retrospectives;

/// <summary>
/// One retrospective: at the top the open actions of earlier retrospectives to close or carry, then the two columns,
/// the actions with their owner, due date and status, and the closing of the retrospective.
/// </summary>
public sealed class DetailsModel(CapDbContext db, CurrentUser currentUser, RetrospectiveQueries queries, RetrospectiveBoard board, RetroActionFollowUp actions)
    : RetrospectiveBoardPage(db, currentUser, queries, board, actions)
{
    protected override string PageTitle => "Rétrospective";

    protected override string BackUrl => RetrospectiveUrl;
}

using Cap.Data;
using Cap.Web.Shared.Auth;

namespace Cap.Web.Features.Retrospectives;

/// <summary>
/// The facilitation mode, for a shared screen: two large columns and the actions; every participant adds from their own
/// device and the items appear on every screen without reload (retrospective-live.js polls the database-backed
/// <c>nouveautes</c> endpoint, see docs/decisions/0009-retrospective-live.md).
/// </summary>
public sealed class FacilitationModel(CapDbContext db, CurrentUser currentUser, RetrospectiveQueries queries, RetrospectiveBoard board, RetroActionFollowUp actions)
    : RetrospectiveBoardPage(db, currentUser, queries, board, actions)
{
    protected override string PageTitle => "Animation de la rétrospective";

    protected override string BackUrl => $"{RetrospectiveUrl}/animation";
}

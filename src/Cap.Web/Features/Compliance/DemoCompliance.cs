using Cap.Data;
using Cap.Domain.Compliance;
using Cap.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Compliance;

/// <summary>
/// Compliance records and agrément SIG requests for a few demo products, dated from today so that each point of attention shows
/// in the demo (and in its committee dossiers): Code du travail numérique's homologation ends within 90 days, Autorisations
/// d’activités de soins is at 62 % RGAA in MVP, Catalogue de données is public in MVP without agrément de principe, Signal Santé's
/// homologation has expired, Index Égalité is complete and green, Alerte Canicule is an internal tool. Runs once, on demo data.
/// </summary>
public static class DemoCompliance
{
    private sealed record Sig(SigRequestKind Kind, int FramedDaysAgo, SigOutcome? Principle = null, int PrincipleDaysAgo = 0, string? PrincipleReservations = null,
        SigOutcome? Final = null, int FinalDaysAgo = 0, string? FinalReservations = null, SigCheck[]? Unmet = null, string? Note = null);

    public static async Task SeedAsync(CapDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.ProductCompliances.AnyAsync(ct) || await db.SigApprovals.AnyAsync(ct))
        {
            return;
        }
        var today = time.ParisToday();
        var ids = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Slug, p => p.Id, ct);

        void Add(string slug, Func<int, ProductCompliance> record, params Sig[] requests)
        {
            if (!ids.TryGetValue(slug, out var id))
            {
                return;
            }
            db.ProductCompliances.Add(record(id));
            var number = 0;
            foreach (var s in requests)
            {
                var a = new SigApproval
                {
                    ProductId = id, Number = ++number, Kind = s.Kind, FramingSentOn = today.AddDays(-s.FramedDaysAgo), Note = s.Note,
                    PrincipleOutcome = s.Principle, PrincipleDecidedOn = s.Principle is null ? null : today.AddDays(-s.PrincipleDaysAgo), PrincipleReservations = s.PrincipleReservations,
                    FinalOutcome = s.Final, FinalDecidedOn = s.Final is null ? null : today.AddDays(-s.FinalDaysAgo), FinalReservations = s.FinalReservations,
                };
                if (s.Final is not null)
                {
                    a.Checks.AddRange(Enum.GetValues<SigCheck>().Select(c => new SigApprovalCheck
                    {
                        ProductId = id, Check = c, IsMet = s.Unmet?.Contains(c) != true,
                        Note = s.Unmet?.Contains(c) == true ? "À compléter avant la levée des réserves." : null,
                    }));
                }
                db.SigApprovals.Add(a);
            }
        }

        // Public, in Généralisation: the homologation ends in 45 days; a major change is under way.
        Add("code-travail-numerique", id => new ProductCompliance
        {
            ProductId = id, IsPublic = true, RgaaAuditDate = today.AddDays(-200), RgaaRate = 87.5m,
            RgaaStatementUrl = "https://code.travail.gouv.fr/accessibilite", RgaaStatementStatus = StatementStatus.Partiellement, RgaaFullComplianceTarget = today.AddDays(400),
            HomologationDecisionDate = today.AddYears(-3).AddDays(45), HomologationValidUntil = today.AddDays(45),
            RgpdRegisterEntry = "Registre DGT, fiche n° 2021-014", Dpia = DpiaStatus.NotRequired,
            RgesnDeclarationUrl = "https://code.travail.gouv.fr/ecoconception", RgesnScore = 61.5m,
        },
            new Sig(SigRequestKind.Creation, 1900, SigOutcome.Accorde, 1890, Final: SigOutcome.Accorde, FinalDaysAgo: 1700),
            new Sig(SigRequestKind.EvolutionMajeure, 40, SigOutcome.SousReserve, 25, "Présenter au SIG la maquette de la nouvelle navigation par thèmes avant les tests utilisateurs.",
                Note: "Nouvelle navigation par thèmes et simulateurs intégrés."));

        // Public (to establishments), in MVP: RGAA at 62 %.
        Add("autorisations-activites-soins", id => new ProductCompliance
        {
            ProductId = id, IsPublic = true, RgaaAuditDate = today.AddDays(-60), RgaaRate = 62m,
            RgaaStatementUrl = "https://autorisations-soins.sante.gouv.fr/accessibilite", RgaaStatementStatus = StatementStatus.NonConforme, RgaaFullComplianceTarget = today.AddDays(540),
            HomologationDecisionDate = today.AddDays(-100), HomologationValidUntil = today.AddYears(3).AddDays(-100),
            RgpdRegisterEntry = "Registre DGOS, fiche n° 2024-031", Dpia = DpiaStatus.Done,
        },
            new Sig(SigRequestKind.Creation, 320, SigOutcome.Accorde, 305));

        // Public, in MVP, no agrément de principe asked yet.
        Add("data-catalogue", id => new ProductCompliance
        {
            ProductId = id, IsPublic = true, RgaaAuditDate = today.AddDays(-90), RgaaRate = 81m,
            RgaaStatementUrl = "https://data.social.gouv.fr/accessibilite", RgaaStatementStatus = StatementStatus.Partiellement,
            HomologationDecisionDate = today.AddDays(-150), HomologationValidUntil = today.AddYears(3).AddDays(-150),
            RgpdRegisterEntry = "Registre DNUM, fiche n° 2025-007", Dpia = DpiaStatus.NotRequired,
        });

        // Public, in Généralisation: the homologation ended 20 days ago; agrément définitif sous réserve.
        Add("signal-sante", id => new ProductCompliance
        {
            ProductId = id, IsPublic = true, RgaaAuditDate = today.AddDays(-400), RgaaRate = 84m,
            RgaaStatementUrl = "https://signalement.social-sante.gouv.fr/accessibilite", RgaaStatementStatus = StatementStatus.Partiellement,
            HomologationDecisionDate = today.AddYears(-3).AddDays(-20), HomologationValidUntil = today.AddDays(-20),
            RgpdRegisterEntry = "Registre DGS, fiche n° 2019-102", Dpia = DpiaStatus.Done,
        },
            new Sig(SigRequestKind.Refonte, 700, SigOutcome.Accorde, 690, Final: SigOutcome.SousReserve, FinalDaysAgo: 420,
                FinalReservations: "Atteindre 100 % de conformité RGAA six mois après la mise en ligne ; transmettre le rapport de tests utilisateurs du profil « établissement ».",
                Unmet: [SigCheck.UserTests]));

        // Public, in Généralisation: complete and green.
        Add("index-egalite", id => new ProductCompliance
        {
            ProductId = id, IsPublic = true, RgaaAuditDate = today.AddDays(-120), RgaaRate = 100m,
            RgaaStatementUrl = "https://egapro.travail.gouv.fr/accessibilite", RgaaStatementStatus = StatementStatus.Totalement, RgaaFullComplianceTarget = today.AddDays(-120),
            HomologationDecisionDate = today.AddDays(-400), HomologationValidUntil = today.AddYears(3).AddDays(-400),
            RgpdRegisterEntry = "Registre DGT, fiche n° 2019-003", Dpia = DpiaStatus.Done,
            RgesnDeclarationUrl = "https://egapro.travail.gouv.fr/ecoconception", RgesnScore = 78.5m,
        },
            new Sig(SigRequestKind.Creation, 2100, SigOutcome.Accorde, 2090, Final: SigOutcome.Accorde, FinalDaysAgo: 1950));

        // An internal tool of the ARS: no agrément SIG, no public rule; its homologation is valid.
        Add("alerte-canicule", id => new ProductCompliance
        {
            ProductId = id, IsPublic = false, RgaaAuditDate = today.AddDays(-30), RgaaRate = 71.5m, RgaaStatementStatus = StatementStatus.Partiellement,
            HomologationDecisionDate = today.AddDays(-250), HomologationValidUntil = today.AddYears(3).AddDays(-250), Dpia = DpiaStatus.NotRequired,
        });

        await db.SaveChangesAsync(ct);
    }
}

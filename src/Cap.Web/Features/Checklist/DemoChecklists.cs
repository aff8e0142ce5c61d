using Cap.Data;
using Cap.Domain.Catalogue;
using Cap.Domain.Checklist;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Checklist;

/// <summary>
/// Gives a few demo products a history of checklist assessments, so the tab, its comparison, the evidence pack and the
/// flags all have something to show: Vaccin Suivi improves over three assessments, Code du travail numérique over two,
/// Emplois de l’inclusion has one recent, Signal Santé one older than six months (« Check-list à refaire »). Runs once,
/// after the demo portfolio, and only when no assessment exists.
/// </summary>
public static class DemoChecklists
{
    /// <summary>Answers in the catalogue's order: o = oui, p = partiellement, n = non, ? = ne sait pas.</summary>
    private static readonly (string Slug, int DaysAgo, string Answers, (string Key, string Comment)[] Comments)[] Assessments =
    [
        ("vaccin-suivi", 250, "pnn pp?pnp pnpn pnn? ppn", [("vision-shared", "La vision existe mais peu de membres de l’équipe savent la formuler."), ("retrospectives-held", "Pas encore de rétrospective régulière.")]),
        ("vaccin-suivi", 120, "opp ppoppo ppop opp? opp", [("decision-makers-known", "Le partage des décisions entre responsable produit et responsable métier est écrit depuis mars."), ("experiments-before-investing", "Premiers tests utilisateurs sur maquette.")]),
        ("vaccin-suivi", 20, "ooo popoop oooo oopo ooo", [("feedback-collected", "Formulaire de satisfaction en place et lu chaque semaine."), ("team-has-all-skills", "Il manque encore un designer à temps plein.")]),
        ("signal-sante", 210, "ppn nppnpn pnp? ppnn pn?", [("team-can-decide", "Toute mise en production passe par un comité de la direction métier.")]),
        ("code-travail-numerique", 160, "oop oppopo pooo oopp opo", [("roadmap-follows-learning", "La feuille de route est revue à chaque trimestre.")]),
        ("code-travail-numerique", 40, "ooo ooooop oooo oooo ooo", [("roadmap-follows-learning", "Révision mensuelle depuis l’été, à partir des questions des usagers.")]),
        ("emplois-inclusion", 75, "opo oo?ppo oppo oopp oop", [("stakeholder-expectations-aligned", "Les attentes des prescripteurs et des structures diffèrent encore.")]),
    ];

    public static async Task SeedAsync(CapDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.ChecklistAssessments.AnyAsync(ct))
        {
            return;
        }
        var slugs = Assessments.Select(a => a.Slug).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => slugs.Contains(p.Slug))
            .Select(p => new
            {
                p.Id,
                p.Slug,
                Owner = db.TeamMembers.Where(m => m.ProductId == p.Id && m.Role == ProductRole.ResponsableProduit)
                    .Select(m => new { m.PersonId, m.Person!.DisplayName }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var catalogue = ChecklistCatalogue.Current;
        var now = time.GetUtcNow();
        foreach (var product in products)
        {
            var number = 0;
            foreach (var (_, daysAgo, pattern, comments) in Assessments.Where(a => a.Slug == product.Slug).OrderByDescending(a => a.DaysAgo))
            {
                var values = pattern.Where(c => c != ' ').Select(c => c switch
                {
                    'o' => ChecklistAnswerValue.Yes,
                    'p' => ChecklistAnswerValue.Partly,
                    'n' => ChecklistAnswerValue.No,
                    _ => ChecklistAnswerValue.Unknown,
                }).ToList();
                var score = ChecklistRules.Score(values);
                db.ChecklistAssessments.Add(new ChecklistAssessment
                {
                    ProductId = product.Id,
                    Number = ++number,
                    CatalogueVersion = catalogue.Version,
                    AssessedAt = now.AddDays(-daysAgo).AddHours(-3),
                    AuthorId = product.Owner?.PersonId,
                    AuthorName = product.Owner?.DisplayName ?? "Équipe produit",
                    ScorePercent = score.Percent,
                    UnknownCount = score.Unknown,
                    Answers = [.. catalogue.Questions.Select((q, i) => new ChecklistAnswer
                    {
                        ProductId = product.Id,
                        QuestionKey = q.Key,
                        Value = values[i],
                        Comment = comments.FirstOrDefault(c => c.Key == q.Key).Comment,
                    })],
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}

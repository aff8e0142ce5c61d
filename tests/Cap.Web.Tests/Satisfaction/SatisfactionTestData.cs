using Cap.Domain.Satisfaction;
using Cap.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cap.Web.Tests.Infrastructure.TestHttp;

namespace Cap.Web.Tests.Satisfaction;

/// <summary>Placements made for one test on the journey product's form, so that tests never share counts.</summary>
internal static class SatisfactionTestData
{
    public const string Origin = "https://demarche.exemple.gouv.fr";

    public static Task<(int Id, string Key)> PlacementAsync(CapWebFactory factory, string origins = Origin, bool enabled = true, string slug = Demo.JourneyProductSlug) =>
        QueryAsync(factory, async db =>
        {
            var form = await db.FeedbackForms.SingleAsync(f => f.Product!.Slug == slug);
            var placement = new Placement
            {
                ProductId = form.ProductId, FormId = form.Id, Label = $"Test {Guid.NewGuid():N}"[..20],
                PublicKey = Placement.NewKey(), AllowedOrigins = origins, IsEnabled = enabled,
            };
            db.Placements.Add(placement);
            await db.SaveChangesAsync();
            return (placement.Id, placement.PublicKey);
        });

    public static Task<List<FeedbackAnswer>> AnswersAsync(CapWebFactory factory, int placementId) =>
        QueryAsync(factory, db => db.FeedbackAnswers.AsNoTracking().Where(a => a.PlacementId == placementId).OrderBy(a => a.Id).ToListAsync());
}

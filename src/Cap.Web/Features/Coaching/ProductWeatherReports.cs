using Cap.Data;
using Cap.Domain;
using Cap.Domain.Coaching;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Cap.Web.Features.Coaching;

/// <summary>The coaches' weather of a product (au vert, à surveiller, en difficulté), kept as a history.</summary>
public sealed class ProductWeatherReports(CapDbContext db, TimeProvider time)
{
    public async Task<Result<int>> SetWeatherAsync(Person me, int productId, WeatherLevel? level, string? note, CancellationToken ct)
    {
        if (!CoachingWorkflow.CanCoach(me))
        {
            return Refusal.Forbidden("Seuls les coachs donnent la météo d’un produit.");
        }
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
        {
            return Refusal.NotFound("Ce produit n’existe pas.");
        }
        if (level is not { } l || !Enum.IsDefined(l))
        {
            return Refusal.Rule("Level", "Choisissez la météo : au vert, à surveiller ou en difficulté.");
        }
        var text = Text.Clean(note);
        if (text is { Length: > ProductWeather.NoteMaxLength })
        {
            return Refusal.Rule("Note", $"La note ne doit pas dépasser {ProductWeather.NoteMaxLength} caractères.");
        }
        var weather = new ProductWeather { ProductId = productId, Level = l, Note = text, AuthorId = me.Id, AuthorName = me.DisplayName, At = time.GetUtcNow() };
        db.ProductWeathers.Add(weather);
        await db.SaveChangesAsync(ct);
        return weather.Id;
    }
}

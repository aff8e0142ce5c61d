using System.Text.Json.Serialization;

namespace Cap.Domain.Catalogue;

/// <summary>The product life cycle. Arrêt may follow any phase; POC is optional.</summary>
public enum Phase
{
    [JsonStringEnumMemberName("idea")]
    Idee = 1,
    Poc = 2,
    Mvp = 3,
    Construction = 4,
    Generalisation = 5,
    [JsonStringEnumMemberName("stopped")]
    Arret = 6,
}

public static class PhaseExtensions
{
    public static string Label(this Phase phase) => phase switch
    {
        Phase.Idee => "Idée",
        Phase.Poc => "POC",
        Phase.Mvp => "MVP",
        Phase.Construction => "Construction",
        Phase.Generalisation => "Généralisation",
        Phase.Arret => "Arrêt",
        _ => phase.ToString(),
    };

    /// <summary>The phase's goal, as the product guide states it.</summary>
    public static string Goal(this Phase phase) => phase switch
    {
        Phase.Idee => "Comprendre et évaluer l’intérêt avant d’engager du temps et de l’argent.",
        Phase.Poc => "Valider l’intérêt ou la faisabilité technique.",
        Phase.Mvp => "Mettre en production une première version pour valider les hypothèses avec de vrais usagers.",
        Phase.Construction => "Continuer à construire par incréments stables.",
        Phase.Generalisation => "Étendre le produit à 100 % de sa cible.",
        Phase.Arret => "Le produit n’atteint plus son public ou est remplacé.",
        _ => string.Empty,
    };

    /// <summary>Slug used in URLs and query strings (stable, ASCII).</summary>
    public static string Slug(this Phase phase) => phase.ToString().ToLowerInvariant();

    public static bool TryParseSlug(string? value, out Phase phase)
    {
        foreach (var p in Enum.GetValues<Phase>())
        {
            if (string.Equals(p.Slug(), value, StringComparison.OrdinalIgnoreCase))
            {
                phase = p;
                return true;
            }
        }
        phase = default;
        return false;
    }
}

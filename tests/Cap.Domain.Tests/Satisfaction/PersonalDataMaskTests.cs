using Cap.Domain.Satisfaction;

namespace Cap.Domain.Tests.Satisfaction;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("écrivez-moi à jean.dupont@example.fr merci", "écrivez-moi à [adresse e-mail masquée] merci")]
    [InlineData("MARIE-LOUISE.O'NEIL+cap@sous.domaine.gouv.fr", "[adresse e-mail masquée]")]
    [InlineData("contact: élodie@exemple.fr.", "contact: [adresse e-mail masquée].")]
    [InlineData("écrire à jean.dupont (AT) example.fr", "écrire à [adresse e-mail masquée]")]
    [InlineData("écrire à jean.dupont[At]example.fr", "écrire à [adresse e-mail masquée]")]
    public void Email_addresses_are_masked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMask.Apply(text));

    [Theory]
    [InlineData("06 12 34 56 78")]
    [InlineData("0612345678")]
    [InlineData("06.12.34.56.78")]
    [InlineData("06-12-34-56-78")]
    [InlineData("01 23 45 67 89")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("+33612345678")]
    [InlineData("0033 6 12 34 56 78")]
    [InlineData("+33 (0)6 12 34 56 78")]
    public void French_phone_numbers_in_common_formats_are_masked(string phone) =>
        Assert.Equal($"rappelez-moi au {PersonalDataMask.PhoneMask} svp", PersonalDataMask.Apply($"rappelez-moi au {phone} svp"));

    [Theory]
    [InlineData("1 85 05 78 006 084 36")]
    [InlineData("185057800608436")]
    [InlineData("2 90 12 2A 123 456 78")]
    [InlineData("1850578006084")]
    public void Social_security_numbers_are_masked_whole(string nir) =>
        Assert.Equal($"mon numéro {PersonalDataMask.NirMask}.", PersonalDataMask.Apply($"mon numéro {nir}."));

    [Theory]
    [InlineData("J’ai attendu 3 semaines et payé 25 euros.")]
    [InlineData("Dossier n° 2024-001 déposé le 12/03/2025 à 14h30.")]
    [InlineData("Code postal 75007, 12 345 bénéficiaires")]
    [InlineData("Le numéro 0800 est gratuit, pas le 0 12.")]
    [InlineData("Version 10.0.1 de l’application")]
    public void Ordinary_numbers_and_dates_stay(string text) =>
        Assert.Equal(text, PersonalDataMask.Apply(text));

    [Fact]
    public void Phone_numbers_are_not_taken_from_longer_digit_runs() =>
        Assert.Equal("référence 061234567890123", PersonalDataMask.Apply("référence 061234567890123"));

    [Fact]
    public void Several_kinds_in_one_comment_are_all_masked() =>
        Assert.Equal(
            $"Joignable au {PersonalDataMask.PhoneMask} ou {PersonalDataMask.EmailMask}, NIR {PersonalDataMask.NirMask}",
            PersonalDataMask.Apply("Joignable au 07 11 22 33 44 ou a.b@c.fr, NIR 1 85 05 78 006 084 36"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Nothing_stays_nothing(string? text) => Assert.Equal(text, PersonalDataMask.Apply(text));

    [Fact]
    public void A_comment_without_at_sign_or_digit_is_kept_as_it_is()
    {
        const string text = "Démarche claire, merci ; l’attente était courte (atelier compris).";
        Assert.Same(text, PersonalDataMask.Apply(text));
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using Cap.Domain.Notifications;
using Cap.Domain.Satisfaction;
using Cap.Domain.Steering;

namespace Cap.Data.Notifications;

/// <summary>
/// The digests' mails (decisions 0011 and 0022): every word their recipients read, as plain text and as an accessible
/// HTML alternative saying the same (lang="fr", headings, lists and tables with headers, links named for where they
/// go, every value encoded). The caller gives the public base address and the person's unsubscribe links.
/// </summary>
public static class DigestMails
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The outbox topic of a digest run's mails.</summary>
    public static string Topic(DigestKind kind, string periodKey) => $"digest-{kind.Slug()}:{periodKey}";

    /// <summary>Where the person can stop a digest: the confirmation page (shown in the mail) and the one-click address (the mail's header).</summary>
    public sealed record Unsubscribe(string PageUrl, string OneClickUrl);

    /// <summary>Products told in detail in one mail; further ones are listed by name with their link (a mail stays readable, and within the outbox's text size).</summary>
    public const int DetailedProducts = 10;

    /// <summary>The weekly digest of one person: each of their products that has something to say, in one mail.</summary>
    public static MailText Weekly(string personName, string periodKey, DateOnly weekOf, IReadOnlyList<ProductDigest> products, string baseUrl, Unsubscribe unsubscribe)
    {
        var subject = products.Count == 1
            ? $"[Cap] Résumé de la semaine — {products[0].Name}"
            : $"[Cap] Résumé de la semaine — {products.Count} produits";
        var intro = $"Voici ce qui a changé ou arrive à échéance pour {(products.Count == 1 ? "votre produit" : $"vos {products.Count} produits")} (semaine du {Day(weekOf)}, {periodKey}).";
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Bonjour {personName},\n\n{intro}\n");
        Open(html, subject);
        html.Append(CultureInfo.InvariantCulture, $"<h1>Résumé de la semaine du {E(Day(weekOf))}</h1>\n<p>Bonjour {E(personName)},</p>\n<p>{E(intro)}</p>\n");
        foreach (var p in products.Take(DetailedProducts))
        {
            var productUrl = $"{baseUrl}/produits/{Uri.EscapeDataString(p.Slug)}";
            text.Append(CultureInfo.InvariantCulture, $"\n\n=== {p.Name} ===\n{productUrl}\n");
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(p.Name)}</h2>\n<p><a href=\"{E(productUrl)}\">Fiche du produit {E(p.Name)}</a></p>\n");
            if (p.StatusChanges.Count > 0)
            {
                const string title = "Indicateurs qui ont changé de statut";
                text.Append(CultureInfo.InvariantCulture, $"\n{title} :\n");
                html.Append(CultureInfo.InvariantCulture, $"<h3>{title}</h3>\n<table>\n<caption>{title} — {E(p.Name)}</caption>\n<thead><tr><th scope=\"col\">Indicateur</th><th scope=\"col\">Statut précédent</th><th scope=\"col\">Statut actuel</th></tr></thead>\n<tbody>\n");
                foreach (var c in p.StatusChanges)
                {
                    var url = $"{productUrl}/indicateurs/{c.IndicatorId}";
                    text.Append(CultureInfo.InvariantCulture, $"- {c.Name} : {c.From.Label()} → {c.To.Label()} ({url})\n");
                    html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><a href=\"{E(url)}\">{E(c.Name)} ({E(p.Name)})</a></th><td>{E(c.From.Label())}</td><td>{E(c.To.Label())}</td></tr>\n");
                }
                html.Append("</tbody>\n</table>\n");
            }
            if (p.Late.Count > 0)
            {
                const string title = "Données en retard";
                text.Append(CultureInfo.InvariantCulture, $"\n{title} (mesure attendue et non saisie) :\n");
                html.Append(CultureInfo.InvariantCulture, $"<h3>{title}</h3>\n<p>Mesure attendue et non saisie :</p>\n<ul>\n");
                foreach (var l in p.Late)
                {
                    var url = $"{productUrl}/indicateurs/{l.IndicatorId}";
                    var detail = $"{(l.LastDate is { } d ? $"dernière mesure le {Day(d)}" : "aucune mesure")}, mise à jour {l.Frequency.Label().ToLower(French)}";
                    text.Append(CultureInfo.InvariantCulture, $"- {l.Name} : {detail} ({url})\n");
                    html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(url)}\">{E(l.Name)} ({E(p.Name)})</a> : {E(detail)}</li>\n");
                }
                html.Append("</ul>\n");
            }
            if (p.Satisfaction is { IsWorthSaying: true } s)
            {
                const string title = "Satisfaction des usagers";
                var sentence = SatisfactionSentence(s);
                var url = $"{productUrl}/satisfaction";
                text.Append(CultureInfo.InvariantCulture, $"\n{title} :\n{sentence}\n({url})\n");
                html.Append(CultureInfo.InvariantCulture, $"<h3>{title}</h3>\n<p>{E(sentence)}</p>\n<p><a href=\"{E(url)}\">Satisfaction des usagers de {E(p.Name)}</a></p>\n");
            }
            if (p.Conditions.Count > 0)
            {
                const string title = "Conditions du comité à lever";
                var url = $"{productUrl}/comite";
                text.Append(CultureInfo.InvariantCulture, $"\n{title} (échéance dans les {DigestRules.HorizonDays} jours ou dépassée) :\n");
                html.Append(CultureInfo.InvariantCulture, $"<h3>{title}</h3>\n<p>Échéance dans les {DigestRules.HorizonDays} jours ou dépassée :</p>\n<ul>\n");
                foreach (var c in p.Conditions)
                {
                    var due = c.Overdue ? $"échéance dépassée depuis le {Day(c.DueDate)}" : $"échéance le {Day(c.DueDate)}";
                    var owner = string.IsNullOrEmpty(c.OwnerName) ? string.Empty : $", responsable : {c.OwnerName}";
                    text.Append(CultureInfo.InvariantCulture, $"- {c.Description} ({due}{owner})\n");
                    html.Append(CultureInfo.InvariantCulture, $"<li>{E(c.Description)} ({E(due)}{E(owner)})</li>\n");
                }
                text.Append(CultureInfo.InvariantCulture, $"({url})\n");
                html.Append(CultureInfo.InvariantCulture, $"</ul>\n<p><a href=\"{E(url)}\">Conditions du comité de {E(p.Name)}</a></p>\n");
            }
            if (p.Sessions.Count > 0)
            {
                const string title = "Séances d’accompagnement à venir";
                text.Append(CultureInfo.InvariantCulture, $"\n{title} :\n");
                html.Append(CultureInfo.InvariantCulture, $"<h3>{title}</h3>\n<ul>\n");
                foreach (var c in p.Sessions)
                {
                    var url = $"{baseUrl}/accompagnement/demandes/{c.RequestId}";
                    text.Append(CultureInfo.InvariantCulture, $"- {Day(c.Date)} : {c.Intervention} ({url})\n");
                    html.Append(CultureInfo.InvariantCulture, $"<li>{E(Day(c.Date))} : <a href=\"{E(url)}\">{E(c.Intervention)} — demande n° {c.RequestId} ({E(p.Name)})</a></li>\n");
                }
                html.Append("</ul>\n");
            }
        }
        if (products.Count > DetailedProducts)
        {
            var title = $"Vos {products.Count - DetailedProducts} autres produits avec des nouvelles cette semaine";
            text.Append(CultureInfo.InvariantCulture, $"\n\n=== {title} ===\n");
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(title)}</h2>\n<ul>\n");
            foreach (var p in products.Skip(DetailedProducts))
            {
                var productUrl = $"{baseUrl}/produits/{Uri.EscapeDataString(p.Slug)}";
                text.Append(CultureInfo.InvariantCulture, $"- {p.Name} ({productUrl})\n");
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(productUrl)}\">Fiche du produit {E(p.Name)}</a></li>\n");
            }
            html.Append("</ul>\n");
        }
        var why = "Vous recevez ce résumé parce que vous êtes membre de l’équipe de ces produits dans Cap.";
        return Close(subject, text, html, why, DigestKind.Weekly, baseUrl, unsubscribe);
    }

    /// <summary>The committee digest: the session's agenda and the dossiers' links.</summary>
    public static MailText Committee(string personName, DateOnly sessionDate, int sessionId, IReadOnlyList<AgendaItem> agenda, string baseUrl, Unsubscribe unsubscribe)
    {
        var subject = $"[Cap] Comité produit du {Day(sessionDate)} — ordre du jour ({agenda.Count} demande{(agenda.Count > 1 ? "s" : "")})";
        var intro = $"La séance du comité produit du {LongDay(sessionDate)} examinera {(agenda.Count == 1 ? "une demande" : $"{agenda.Count} demandes")}. Les dossiers sont prêts à être lus.";
        var sessionUrl = $"{baseUrl}/comite/seances/{sessionId}";
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Bonjour {personName},\n\n{intro}\n\nOrdre du jour :\n");
        Open(html, subject);
        html.Append(CultureInfo.InvariantCulture, $"<h1>Comité produit du {E(LongDay(sessionDate))}</h1>\n<p>Bonjour {E(personName)},</p>\n<p>{E(intro)}</p>\n");
        html.Append("<table>\n<caption>Ordre du jour</caption>\n<thead><tr><th scope=\"col\">Produit</th><th scope=\"col\">Demande</th><th scope=\"col\">Phase demandée</th><th scope=\"col\">Dossier</th></tr></thead>\n<tbody>\n");
        var n = 0;
        foreach (var a in agenda)
        {
            var url = $"{baseUrl}/comite/demandes/{a.RequestId}/dossier";
            text.Append(CultureInfo.InvariantCulture, $"{++n}. {a.ProductName} — {a.KindLabel} : {a.Subject} (phase demandée : {a.RequestedPhase})\n   Dossier : {url}\n");
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(a.ProductName)}</th><td>{E(a.KindLabel)} : {E(a.Subject)}</td><td>{E(a.RequestedPhase)}</td><td><a href=\"{E(url)}\">Dossier de {E(a.ProductName)}</a></td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        text.Append(CultureInfo.InvariantCulture, $"\nLa séance : {sessionUrl}\n");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(sessionUrl)}\">Séance du comité produit du {E(Day(sessionDate))}</a></p>\n");
        var why = "Vous recevez ce courriel parce que vous êtes membre du comité produit dans Cap.";
        return Close(subject, text, html, why, DigestKind.Committee, baseUrl, unsubscribe);
    }

    /// <summary>« Indice sur 30 jours : 8,2 sur 10 (vert, « Bon »), 120 réponses ; une semaine plus tôt : 7,9 sur 10 (orange, « Moyen »), 110 réponses. »</summary>
    public static string SatisfactionSentence(SatisfactionChange s) =>
        $"Indice des {DigestRules.SatisfactionWindowDays} derniers jours : {Index(s.IndexNow, s.AnswersNow)} ; une semaine plus tôt : {Index(s.IndexWeekAgo, s.AnswersWeekAgo)}.";

    private static string Index(decimal? index, long answers) => index is { } i
        ? $"{i.ToString("0.0", French)} sur 10 ({ColourWord(SatisfactionScore.Colour(i))}, « {SatisfactionScore.Colour(i).Label()} »), {answers.ToString("N0", French)} réponse{(answers > 1 ? "s" : "")}"
        : "pas de réponse";

    public static string ColourWord(ScoreColour colour) => colour switch
    {
        ScoreColour.Green => "vert",
        ScoreColour.Amber => "orange",
        _ => "rouge",
    };

    private static void Open(StringBuilder html, string subject) =>
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{E(subject)}</title>\n</head>\n<body>\n<main>\n");

    private static MailText Close(string subject, StringBuilder text, StringBuilder html, string why, DigestKind kind, string baseUrl, Unsubscribe unsubscribe)
    {
        var stop = $"Ne plus recevoir « {kind.Label()} »";
        text.Append(CultureInfo.InvariantCulture, $"\n\n--\n{why}\n{stop} : {unsubscribe.PageUrl}\nChoisir mes courriels dans Cap : {baseUrl}/compte\n\nCap");
        html.Append(CultureInfo.InvariantCulture, $"</main>\n<footer>\n<p>{E(why)}</p>\n<ul>\n<li><a href=\"{E(unsubscribe.PageUrl)}\">{E(stop)}</a></li>\n<li><a href=\"{E(baseUrl)}/compte\">Choisir mes courriels dans Cap (Mon compte)</a></li>\n</ul>\n<p>Cap</p>\n</footer>\n</body>\n</html>\n");
        return new MailText(subject, text.ToString(), html.ToString(), unsubscribe.OneClickUrl);
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    private static string LongDay(DateOnly day) => day.ToString("dddd d MMMM yyyy", French);
}

namespace Cap.Data.Notifications;

/// <summary>The mails ProConnect sign-in sends to the administrators (decision 0011): every word they read, in one place.</summary>
public static class AccountMails
{
    /// <summary>A person signed in for the first time: the account exists, without a role or a team.</summary>
    public static MailText Pending(string name, string email) => new(
        $"Cap : compte en attente d’un rôle — {name}",
        $"Bonjour,\n\n{name} ({email}) s’est connecté à Cap avec ProConnect : son compte vient d’être ouvert " +
        "automatiquement, sans rôle ni équipe. Il ne voit aucun produit tant qu’un administrateur ne lui a pas donné un rôle " +
        "ou une place dans l’équipe d’un produit (Administration › Personnes et rôles, comptes « En attente »).\n\nCap");

    /// <summary>Another ProConnect identity presented the address of an account already linked: the sign-in was refused.</summary>
    public static MailText LinkRefused(string name, string email, string subject, string? identityProvider, DateTimeOffset now) => new(
        $"Cap : connexion refusée pour le compte de {name}",
        $"Bonjour,\n\nUne connexion ProConnect a présenté l’adresse {email}, déjà liée dans Cap à une autre identité " +
        $"ProConnect. Cap l’a refusée : le compte de {name} n’a pas été modifié.\n\n" +
        $"Identité présentée (sub) : {subject}\nFournisseur d’identité (idp_id) : {identityProvider ?? "non transmis"}\nDate : {now:yyyy-MM-dd HH:mm} UTC\n\n" +
        "Si cette personne dit avoir changé d’identité ProConnect, vérifiez-le avec elle par un autre moyen. " +
        "Sinon, il peut s’agir d’une tentative de prise de contrôle : le journal d’administration garde la trace de ce refus.\n\nCap");
}

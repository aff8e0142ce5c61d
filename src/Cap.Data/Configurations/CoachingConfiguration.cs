using Cap.Domain.Catalogue;
using Cap.Domain.Coaching;
using Cap.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cap.Data.Configurations;

internal sealed class CoachingInterventionConfiguration : IEntityTypeConfiguration<CoachingIntervention>
{
    private static readonly DateTimeOffset Seeded = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The seven kinds of intervention of the product guide, written by the migration so that every database,
    /// production included, starts with them; administrators edit them afterwards.
    /// </summary>
    internal static readonly CoachingIntervention[] Guide =
    [
        new() { Id = 1, Order = 1, Slug = "atelier-de-cadrage-produit", Title = "Atelier de cadrage produit",
            Description = "Un atelier pour poser la vision du produit, les attentes des parties prenantes et une première feuille de route.",
            TypicalDuration = "Une journée, en une ou deux séances", Deliverables = "Une vision partagée en cinq parties, les attentes clarifiées et une feuille de route à 3–6 mois." },
        new() { Id = 2, Order = 2, Slug = "retrospectives-de-sprint", Title = "Rétrospectives de sprint",
            Description = "Un coach anime les rétrospectives de l’équipe puis lui passe la main.",
            TypicalDuration = "Trois sprints, une séance d’une heure et demie par sprint", Deliverables = "Des rétrospectives régulières, des actions d’amélioration suivies et un format que l’équipe anime seule." },
        new() { Id = 3, Order = 3, Slug = "co-construction-de-roadmap", Title = "Co-construction de roadmap",
            Description = "Construire avec l’équipe et les métiers une feuille de route stratégique reliée aux objectifs.",
            TypicalDuration = "Deux demi-journées", Deliverables = "Une feuille de route priorisée, reliée aux objectifs et aux indicateurs d’impact." },
        new() { Id = 4, Order = 4, Slug = "adoption-des-methodes-agiles", Title = "Adoption des méthodes agiles",
            Description = "Accompagner l’équipe dans la mise en place des rituels et des pratiques agiles adaptés à son contexte.",
            TypicalDuration = "Deux à trois mois, une séance par semaine", Deliverables = "Des rituels en place (revue, planification, rétrospective), des rôles clairs et une équipe autonome." },
        new() { Id = 5, Order = 5, Slug = "suivi-des-indicateurs-kpi", Title = "Suivi des indicateurs (KPI)",
            Description = "Définir des indicateurs d’impact mesurables et organiser leur suivi régulier.",
            TypicalDuration = "Deux séances de deux heures", Deliverables = "Des indicateurs avec valeur de départ, cible et fréquence de mesure, suivis dans Cap." },
        new() { Id = 6, Order = 6, Slug = "audit-produit-et-gestion-des-risques", Title = "Audit produit et gestion des risques",
            Description = "Un regard extérieur sur le produit, l’organisation et les pratiques, avec les risques à traiter.",
            TypicalDuration = "Deux semaines, entretiens et restitution", Deliverables = "Un rapport d’audit, une matrice des risques et un plan d’actions priorisé." },
        new() { Id = 7, Order = 7, Slug = "accompagnement-post-lancement", Title = "Accompagnement post-lancement",
            Description = "Après la mise en ligne : écouter les usagers, mesurer l’usage et ajuster le produit.",
            TypicalDuration = "Un à deux mois après le lancement", Deliverables = "Des boucles de retours usagers en place, un premier bilan d’usage et les ajustements priorisés." },
    ];

    public void Configure(EntityTypeBuilder<CoachingIntervention> builder)
    {
        builder.ToTable("CoachingInterventions");
        builder.Property(i => i.Title).HasMaxLength(CoachingIntervention.TitleMaxLength).IsRequired();
        builder.Property(i => i.Slug).HasMaxLength(CoachingIntervention.SlugMaxLength).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(CoachingIntervention.TextMaxLength).IsRequired();
        builder.Property(i => i.TypicalDuration).HasMaxLength(CoachingIntervention.DurationMaxLength).IsRequired();
        builder.Property(i => i.Deliverables).HasMaxLength(CoachingIntervention.TextMaxLength).IsRequired();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => i.Slug).IsUnique();
        builder.HasData(Guide.Select(i => new CoachingIntervention
        {
            Id = i.Id, Order = i.Order, Slug = i.Slug, Title = i.Title, Description = i.Description, TypicalDuration = i.TypicalDuration,
            Deliverables = i.Deliverables, IsActive = true, CreatedAt = Seeded, UpdatedAt = Seeded,
        }));
    }
}

internal sealed class CoachingRequestConfiguration : IEntityTypeConfiguration<CoachingRequest>
{
    public void Configure(EntityTypeBuilder<CoachingRequest> builder)
    {
        builder.ToTable("CoachingRequests");
        builder.Property(r => r.Need).HasMaxLength(CoachingRequest.NeedMaxLength).IsRequired();
        builder.Property(r => r.Context).HasMaxLength(CoachingRequest.ContextMaxLength);
        builder.Property(r => r.Availability).HasMaxLength(CoachingRequest.AvailabilityMaxLength);
        builder.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.FromNeed).HasConversion<int?>();
        builder.Property(r => r.RequestedByName).HasMaxLength(Person.NameMaxLength).IsRequired();
        builder.Property(r => r.DeclineReason).HasMaxLength(CoachingRequest.ReasonMaxLength);
        builder.Property(r => r.OutcomeSummary).HasMaxLength(CoachingRequest.OutcomeMaxLength);
        builder.Property(r => r.RatingComment).HasMaxLength(CoachingRequest.CommentMaxLength);
        builder.Property(r => r.RatedByName).HasMaxLength(Person.NameMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Intervention).WithMany().HasForeignKey(r => r.InterventionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.RequestedBy).WithMany().HasForeignKey(r => r.RequestedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.RatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.DuplicateOf).WithMany().HasForeignKey(r => r.DuplicateOfId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(r => r.FromDecision).WithMany().HasForeignKey(r => r.FromDecisionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.ProductId, r.Status });
        builder.HasIndex(r => r.Status);
        builder.HasIndex(r => r.InterventionId);
        builder.HasIndex(r => r.RequestedById);
        builder.HasIndex(r => r.RatedById);
        builder.HasIndex(r => r.DuplicateOfId);
        // One request per committee decision and support need: the one-click request is never made twice.
        builder.HasIndex(r => new { r.FromDecisionId, r.FromNeed }).IsUnique();
    }
}

internal sealed class CoachingAssignmentConfiguration : IEntityTypeConfiguration<CoachingAssignment>
{
    public void Configure(EntityTypeBuilder<CoachingAssignment> builder)
    {
        builder.ToTable("CoachingAssignments");
        builder.HasOne(a => a.Request).WithMany(r => r.Coaches).HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.RequestId, a.PersonId }).IsUnique();
        builder.HasIndex(a => a.PersonId);
    }
}

internal sealed class CoachingMessageConfiguration : IEntityTypeConfiguration<CoachingMessage>
{
    public void Configure(EntityTypeBuilder<CoachingMessage> builder)
    {
        builder.ToTable("CoachingMessages");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.AuthorName).HasMaxLength(Person.NameMaxLength).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(CoachingMessage.BodyMaxLength).IsRequired();
        builder.HasOne(m => m.Request).WithMany(r => r.Messages).HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.RequestId, m.At });
        builder.HasIndex(m => m.AuthorId);
    }
}

internal sealed class CoachingSessionConfiguration : IEntityTypeConfiguration<CoachingSession>
{
    public void Configure(EntityTypeBuilder<CoachingSession> builder)
    {
        builder.ToTable("CoachingSessions");
        builder.Property(s => s.Participants).HasMaxLength(CoachingSession.ParticipantsMaxLength).IsRequired();
        builder.Property(s => s.Summary).HasMaxLength(CoachingSession.TextMaxLength).IsRequired();
        builder.Property(s => s.NextSteps).HasMaxLength(CoachingSession.TextMaxLength);
        builder.Property(s => s.Links).HasMaxLength(CoachingSession.LinksMaxLength);
        builder.Property(s => s.RecordedByName).HasMaxLength(Person.NameMaxLength).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Request).WithMany(r => r.Sessions).HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.RecordedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.RequestId, s.Date });
        builder.HasIndex(s => s.Date);
        builder.HasIndex(s => s.RecordedById);
    }
}

internal sealed class ProductWeatherConfiguration : IEntityTypeConfiguration<ProductWeather>
{
    public void Configure(EntityTypeBuilder<ProductWeather> builder)
    {
        builder.ToTable("ProductWeathers");
        builder.Property(w => w.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Note).HasMaxLength(ProductWeather.NoteMaxLength);
        builder.Property(w => w.AuthorName).HasMaxLength(Person.NameMaxLength).IsRequired();
        builder.HasOne(w => w.Product).WithMany().HasForeignKey(w => w.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(w => w.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(w => new { w.ProductId, w.At });
        builder.HasIndex(w => w.AuthorId);
    }
}

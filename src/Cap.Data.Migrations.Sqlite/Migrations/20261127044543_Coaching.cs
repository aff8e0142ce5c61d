using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Cap.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Coaching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoachingInterventions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TypicalDuration = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Deliverables = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingInterventions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductWeathers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductWeathers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductWeathers_People_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProductWeathers_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoachingRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    InterventionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Need = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Context = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedById = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DuplicateOfId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromDecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromNeed = table.Column<int>(type: "INTEGER", nullable: true),
                    ScheduledFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutcomeSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AutonomyGained = table.Column<bool>(type: "INTEGER", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RatedById = table.Column<int>(type: "INTEGER", nullable: true),
                    RatedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoachingRequests_CoachingInterventions_InterventionId",
                        column: x => x.InterventionId,
                        principalTable: "CoachingInterventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoachingRequests_CoachingRequests_DuplicateOfId",
                        column: x => x.DuplicateOfId,
                        principalTable: "CoachingRequests",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_CoachingRequests_GateDecisions_FromDecisionId",
                        column: x => x.FromDecisionId,
                        principalTable: "GateDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CoachingRequests_People_RatedById",
                        column: x => x.RatedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CoachingRequests_People_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CoachingRequests_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoachingAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoachingAssignments_CoachingRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "CoachingRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoachingAssignments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoachingMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoachingMessages_CoachingRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "CoachingRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoachingMessages_People_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CoachingSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NextSteps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Links = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedById = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoachingSessions_CoachingRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "CoachingRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CoachingSessions_People_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.InsertData(
                table: "CoachingInterventions",
                columns: new[] { "Id", "CreatedAt", "Deliverables", "Description", "IsActive", "Order", "Slug", "Title", "TypicalDuration", "UpdatedAt", "Version" },
                values: new object[,]
                {
                    { 1, 1309313728512000000L, "Une vision partagée en cinq parties, les attentes clarifiées et une feuille de route à 3–6 mois.", "Un atelier pour poser la vision du produit, les attentes des parties prenantes et une première feuille de route.", true, 1, "atelier-de-cadrage-produit", "Atelier de cadrage produit", "Une journée, en une ou deux séances", 1309313728512000000L, 0 },
                    { 2, 1309313728512000000L, "Des rétrospectives régulières, des actions d’amélioration suivies et un format que l’équipe anime seule.", "Un coach anime les rétrospectives de l’équipe puis lui passe la main.", true, 2, "retrospectives-de-sprint", "Rétrospectives de sprint", "Trois sprints, une séance d’une heure et demie par sprint", 1309313728512000000L, 0 },
                    { 3, 1309313728512000000L, "Une feuille de route priorisée, reliée aux objectifs et aux indicateurs d’impact.", "Construire avec l’équipe et les métiers une feuille de route stratégique reliée aux objectifs.", true, 3, "co-construction-de-roadmap", "Co-construction de roadmap", "Deux demi-journées", 1309313728512000000L, 0 },
                    { 4, 1309313728512000000L, "Des rituels en place (revue, planification, rétrospective), des rôles clairs et une équipe autonome.", "Accompagner l’équipe dans la mise en place des rituels et des pratiques agiles adaptés à son contexte.", true, 4, "adoption-des-methodes-agiles", "Adoption des méthodes agiles", "Deux à trois mois, une séance par semaine", 1309313728512000000L, 0 },
                    { 5, 1309313728512000000L, "Des indicateurs avec valeur de départ, cible et fréquence de mesure, suivis dans Cap.", "Définir des indicateurs d’impact mesurables et organiser leur suivi régulier.", true, 5, "suivi-des-indicateurs-kpi", "Suivi des indicateurs (KPI)", "Deux séances de deux heures", 1309313728512000000L, 0 },
                    { 6, 1309313728512000000L, "Un rapport d’audit, une matrice des risques et un plan d’actions priorisé.", "Un regard extérieur sur le produit, l’organisation et les pratiques, avec les risques à traiter.", true, 6, "audit-produit-et-gestion-des-risques", "Audit produit et gestion des risques", "Deux semaines, entretiens et restitution", 1309313728512000000L, 0 },
                    { 7, 1309313728512000000L, "Des boucles de retours usagers en place, un premier bilan d’usage et les ajustements priorisés.", "Après la mise en ligne : écouter les usagers, mesurer l’usage et ajuster le produit.", true, 7, "accompagnement-post-lancement", "Accompagnement post-lancement", "Un à deux mois après le lancement", 1309313728512000000L, 0 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingAssignments_PersonId",
                table: "CoachingAssignments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingAssignments_RequestId_PersonId",
                table: "CoachingAssignments",
                columns: new[] { "RequestId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoachingInterventions_Slug",
                table: "CoachingInterventions",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoachingMessages_AuthorId",
                table: "CoachingMessages",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingMessages_RequestId_At",
                table: "CoachingMessages",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRequests_DuplicateOfId",
                table: "CoachingRequests",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRequests_FromDecisionId_FromNeed",
                table: "CoachingRequests",
                columns: new[] { "FromDecisionId", "FromNeed" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRequests_InterventionId",
                table: "CoachingRequests",
                column: "InterventionId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRequests_ProductId_Status",
                table: "CoachingRequests",
                columns: new[] { "ProductId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRequests_RatedById",
                table: "CoachingRequests",
                column: "RatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRequests_RequestedById",
                table: "CoachingRequests",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRequests_Status",
                table: "CoachingRequests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingSessions_Date",
                table: "CoachingSessions",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingSessions_RecordedById",
                table: "CoachingSessions",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingSessions_RequestId_Date",
                table: "CoachingSessions",
                columns: new[] { "RequestId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductWeathers_AuthorId",
                table: "ProductWeathers",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductWeathers_ProductId_At",
                table: "ProductWeathers",
                columns: new[] { "ProductId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoachingAssignments");

            migrationBuilder.DropTable(
                name: "CoachingMessages");

            migrationBuilder.DropTable(
                name: "CoachingSessions");

            migrationBuilder.DropTable(
                name: "ProductWeathers");

            migrationBuilder.DropTable(
                name: "CoachingRequests");

            migrationBuilder.DropTable(
                name: "CoachingInterventions");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Cap.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    EntityLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: true),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

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
                name: "CommitteeSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DigestRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScopeId = table.Column<int>(type: "INTEGER", nullable: false),
                    GeneratedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MailCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Directorates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directorates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Domains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Domains", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JdmaOrganisationConnections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BaseUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    KeySavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JdmaOrganisationConnections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MinistryPriorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinistryPriorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenDataReleases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ModifiedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataReleases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    To = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: true),
                    UnsubscribeUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ExternalSubject = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Roles = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RateLimitCounters",
                columns: table => new
                {
                    Partition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WindowStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateLimitCounters", x => new { x.Partition, x.WindowStart });
                });

            migrationBuilder.CreateTable(
                name: "Typologies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Typologies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DigestPreferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Receives = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestPreferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigestPreferences_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionMembers_CommitteeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommitteeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionMembers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TypologyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Family = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorTemplates_Typologies_TypologyId",
                        column: x => x.TypologyId,
                        principalTable: "Typologies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DirectorateId = table.Column<int>(type: "INTEGER", nullable: false),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: false),
                    TypologyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PhaseSince = table.Column<long>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Users = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    KeyFigures = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    ArchivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 702, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Products_Directorates_DirectorateId",
                        column: x => x.DirectorateId,
                        principalTable: "Directorates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Products_Domains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "Domains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Products_Typologies_TypologyId",
                        column: x => x.TypologyId,
                        principalTable: "Typologies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: true),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApiTokens_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogueVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScorePercent = table.Column<int>(type: "INTEGER", nullable: true),
                    UnknownCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChecklistAssessments_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConnectorSyncStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: true),
                    LastSuccessAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastErrorAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    SyncedThrough = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectorSyncStates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectorSyncStates_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeliverableRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    IsProvided = table.Column<bool>(type: "INTEGER", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverableRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliverableRecords_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExternalSatisfactionDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    ClarityCount = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaritySum = table.Column<long>(type: "INTEGER", nullable: false),
                    HelpAsked = table.Column<long>(type: "INTEGER", nullable: false),
                    Reached = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalSatisfactionDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExternalSatisfactionDays_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AskClarity = table.Column<bool>(type: "INTEGER", nullable: false),
                    AskHelp = table.Column<bool>(type: "INTEGER", nullable: false),
                    AskComment = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicStatistics = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConfigVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackForms_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GateRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromPhase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetPhase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Context = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Ask = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DesiredDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateRequests_CommitteeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommitteeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateRequests_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Iterations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewDelivered = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewLearned = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewFeedback = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DemoDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DemoAudience = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Iterations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Iterations_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JdmaConnections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    KeySavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JdmaConnections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JdmaConnections_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JdmaOrganisationForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JdmaOrganisationForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JdmaOrganisationForms_JdmaOrganisationConnections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "JdmaOrganisationConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JdmaOrganisationForms_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatomoConnections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectedToken = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TokenSavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatomoConnections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatomoConnections_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Objectives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Horizon = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objectives_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortfolioSummaries",
                columns: table => new
                {
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeCount = table.Column<long>(type: "INTEGER", nullable: false),
                    RefreshedChange = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RefreshedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Indicators = table.Column<int>(type: "INTEGER", nullable: false),
                    Reached = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTrack = table.Column<int>(type: "INTEGER", nullable: false),
                    Watch = table.Column<int>(type: "INTEGER", nullable: false),
                    OffTrack = table.Column<int>(type: "INTEGER", nullable: false),
                    Late = table.Column<int>(type: "INTEGER", nullable: false),
                    NoData = table.Column<int>(type: "INTEGER", nullable: false),
                    Health = table.Column<int>(type: "INTEGER", nullable: false),
                    Answers30 = table.Column<long>(type: "INTEGER", nullable: false),
                    Points30 = table.Column<long>(type: "INTEGER", nullable: false),
                    Index30Tenths = table.Column<int>(type: "INTEGER", nullable: true),
                    AnswersPrevious30 = table.Column<long>(type: "INTEGER", nullable: false),
                    PointsPrevious30 = table.Column<long>(type: "INTEGER", nullable: false),
                    ClarityCount30 = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaritySum30 = table.Column<long>(type: "INTEGER", nullable: false),
                    ClarityCountPrevious30 = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaritySumPrevious30 = table.Column<long>(type: "INTEGER", nullable: false),
                    HelpAsked12 = table.Column<long>(type: "INTEGER", nullable: false),
                    Reached12 = table.Column<long>(type: "INTEGER", nullable: false),
                    HelpAskedPrevious12 = table.Column<long>(type: "INTEGER", nullable: false),
                    ReachedPrevious12 = table.Column<long>(type: "INTEGER", nullable: false),
                    ChecklistScore = table.Column<int>(type: "INTEGER", nullable: true),
                    ChecklistAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Weather = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    WeatherAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OpenConditions = table.Column<int>(type: "INTEGER", nullable: false),
                    OverdueConditions = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    RgaaRate = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    RgaaAuditDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AvailabilityKept = table.Column<int>(type: "INTEGER", nullable: true),
                    AvailabilityKeptPrevious = table.Column<int>(type: "INTEGER", nullable: true),
                    PageLoadMs = table.Column<int>(type: "INTEGER", nullable: true),
                    PageLoadMsPrevious = table.Column<int>(type: "INTEGER", nullable: true),
                    SatisfactionLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    SatisfactionLevelPrevious = table.Column<int>(type: "INTEGER", nullable: false),
                    ClarityLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    ClarityLevelPrevious = table.Column<int>(type: "INTEGER", nullable: false),
                    HelpLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    HelpLevelPrevious = table.Column<int>(type: "INTEGER", nullable: false),
                    RgaaLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    AvailabilityLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    AvailabilityLevelPrevious = table.Column<int>(type: "INTEGER", nullable: false),
                    PageLoadLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    PageLoadLevelPrevious = table.Column<int>(type: "INTEGER", nullable: false),
                    FlagCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AlertCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FlagCodes = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortfolioSummaries", x => x.ProductId);
                    table.ForeignKey(
                        name: "FK_PortfolioSummaries_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductCompliances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    RgaaAuditDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RgaaRate = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    RgaaStatementUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RgaaStatementStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RgaaFullComplianceTarget = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HomologationDecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HomologationValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RgpdRegisterEntry = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Dpia = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RgesnDeclarationUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RgesnScore = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductCompliances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductCompliances_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductOpenData",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishSatisfaction = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductOpenData", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductOpenData_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "Risks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Probability = table.Column<int>(type: "INTEGER", nullable: false),
                    Impact = table.Column<int>(type: "INTEGER", nullable: false),
                    Mitigation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    OwnerPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Risks", x => x.Id);
                    table.CheckConstraint("CK_Risks_Scales", "\"Probability\" BETWEEN 1 AND 3 AND \"Impact\" BETWEEN 1 AND 3");
                    table.ForeignKey(
                        name: "FK_Risks_People_OwnerPersonId",
                        column: x => x.OwnerPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Risks_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RitualFeeds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RitualFeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RitualFeeds_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rituals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rituals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rituals_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoadmapDependencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetProductId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoadmapDependencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoadmapDependencies_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoadmapDependencies_Products_TargetProductId",
                        column: x => x.TargetProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RoadmapRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoadmapRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoadmapRevisions_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Roadmaps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    HorizonStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HorizonEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Roadmaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Roadmaps_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoadmapShareLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoadmapShareLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoadmapShareLinks_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SigApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FramingSentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PrincipleOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PrincipleDecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PrincipleReservations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FinalOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FinalDecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinalReservations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SupersededOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SigApprovals_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TeamMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ChosenRoles = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeShare = table.Column<int>(type: "INTEGER", nullable: true),
                    AccessibilityReferent = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamMembers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TeamMembers_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Visions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Users = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ValueProposition = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ExpectedImpact = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visions_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChecklistAnswers_ChecklistAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "ChecklistAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackFormVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AskClarity = table.Column<bool>(type: "INTEGER", nullable: false),
                    AskHelp = table.Column<bool>(type: "INTEGER", nullable: false),
                    AskComment = table.Column<bool>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackFormVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackFormVersions_FeedbackForms_FormId",
                        column: x => x.FormId,
                        principalTable: "FeedbackForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Placements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    PublicKey = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    AllowedOrigins = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Placements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Placements_FeedbackForms_FormId",
                        column: x => x.FormId,
                        principalTable: "FeedbackForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GateDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    GateRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromPhase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetPhase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SupportNeeds = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectsDecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateDecisions_CommitteeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommitteeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateDecisions_GateDecisions_CorrectsDecisionId",
                        column: x => x.CorrectsDecisionId,
                        principalTable: "GateDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GateDecisions_GateRequests_GateRequestId",
                        column: x => x.GateRequestId,
                        principalTable: "GateRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GateDecisions_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Retrospectives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    IterationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Retrospectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Retrospectives_Iterations_IterationId",
                        column: x => x.IterationId,
                        principalTable: "Iterations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Retrospectives_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JdmaFormMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JdmaConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JdmaFormMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JdmaFormMappings_JdmaConnections_JdmaConnectionId",
                        column: x => x.JdmaConnectionId,
                        principalTable: "JdmaConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    ObjectiveId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CustomUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Baseline = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    BaselineDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    TargetMax = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Family = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DataSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    FedBySatisfactionForm = table.Column<bool>(type: "INTEGER", nullable: false),
                    ObservatoryMeasure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastValue = table.Column<decimal>(type: "TEXT", nullable: true),
                    TrendValue = table.Column<double>(type: "REAL", nullable: true),
                    TrendSlope = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Indicators_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObjectivePriorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObjectiveId = table.Column<int>(type: "INTEGER", nullable: false),
                    MinistryPriorityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObjectivePriorities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObjectivePriorities_MinistryPriorities_MinistryPriorityId",
                        column: x => x.MinistryPriorityId,
                        principalTable: "MinistryPriorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ObjectivePriorities_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoadmapPriorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoadmapId = table.Column<int>(type: "INTEGER", nullable: false),
                    ObjectiveId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoadmapPriorities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoadmapPriorities_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoadmapPriorities_Roadmaps_RoadmapId",
                        column: x => x.RoadmapId,
                        principalTable: "Roadmaps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SigApprovalChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SigApprovalId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Check = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    IsMet = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigApprovalChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SigApprovalChecks_SigApprovals_SigApprovalId",
                        column: x => x.SigApprovalId,
                        principalTable: "SigApprovals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisionContributions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Part = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResultingVisionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisionContributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisionContributions_Visions_VisionId",
                        column: x => x.VisionId,
                        principalTable: "Visions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Experience = table.Column<int>(type: "INTEGER", nullable: false),
                    Clarity = table.Column<int>(type: "INTEGER", nullable: true),
                    HelpChannels = table.Column<int>(type: "INTEGER", nullable: false),
                    AdministrationReached = table.Column<bool>(type: "INTEGER", nullable: true),
                    HelpQuality = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClientKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackAnswers_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackAnswers_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackDailyRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    ClarityCount = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaritySum = table.Column<long>(type: "INTEGER", nullable: false),
                    HelpAsked = table.Column<long>(type: "INTEGER", nullable: false),
                    Reached = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackDailyRollups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackDailyRollups_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackDailyRollups_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspectAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Aspect = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspectAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspectAssessments_GateDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "GateDecisions",
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
                name: "GateConditions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclaredByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateConditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateConditions_GateDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "GateDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GateConditions_People_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateConditions_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhaseChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    GateDecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhaseChanges_GateDecisions_GateDecisionId",
                        column: x => x.GateDecisionId,
                        principalTable: "GateDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PhaseChanges_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RetroActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    RetrospectiveId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OwnerPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CarriedToRetrospectiveId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetroActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RetroActions_People_OwnerPersonId",
                        column: x => x.OwnerPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RetroActions_Retrospectives_CarriedToRetrospectiveId",
                        column: x => x.CarriedToRetrospectiveId,
                        principalTable: "Retrospectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RetroActions_Retrospectives_RetrospectiveId",
                        column: x => x.RetrospectiveId,
                        principalTable: "Retrospectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RetroItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    RetrospectiveId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AuthorPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetroItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RetroItems_People_AuthorPersonId",
                        column: x => x.AuthorPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RetroItems_Retrospectives_RetrospectiveId",
                        column: x => x.RetrospectiveId,
                        principalTable: "Retrospectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Written = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportJobs_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorStatusMarks",
                columns: table => new
                {
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MarkedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorStatusMarks", x => x.IndicatorId);
                    table.ForeignKey(
                        name: "FK_IndicatorStatusMarks_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Initiatives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    ObjectiveId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PeriodUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpectedEffect = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Initiatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Initiatives_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Initiatives_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Initiatives_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatomoMetricMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatomoConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatomoMetricMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatomoMetricMappings_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatomoMetricMappings_MatomoConnections_MatomoConnectionId",
                        column: x => x.MatomoConnectionId,
                        principalTable: "MatomoConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Measurements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measurements_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenDataIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductOpenDataId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenDataIndicators_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpenDataIndicators_ProductOpenData_ProductOpenDataId",
                        column: x => x.ProductOpenDataId,
                        principalTable: "ProductOpenData",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IterationFeedbackLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    IterationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedbackAnswerId = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IterationFeedbackLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IterationFeedbackLinks_FeedbackAnswers_FeedbackAnswerId",
                        column: x => x.FeedbackAnswerId,
                        principalTable: "FeedbackAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IterationFeedbackLinks_Iterations_IterationId",
                        column: x => x.IterationId,
                        principalTable: "Iterations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VerbatimModerations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerId = table.Column<long>(type: "INTEGER", nullable: false),
                    IsHidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ModeratorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerbatimModerations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VerbatimModerations_FeedbackAnswers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "FeedbackAnswers",
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

            migrationBuilder.CreateTable(
                name: "IterationInitiatives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    IterationId = table.Column<int>(type: "INTEGER", nullable: false),
                    InitiativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CarriedFromId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IterationInitiatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IterationInitiatives_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IterationInitiatives_IterationInitiatives_CarriedFromId",
                        column: x => x.CarriedFromId,
                        principalTable: "IterationInitiatives",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_IterationInitiatives_Iterations_IterationId",
                        column: x => x.IterationId,
                        principalTable: "Iterations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_PersonId",
                table: "ApiTokens",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_ProductId",
                table: "ApiTokens",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_AspectAssessments_DecisionId_Aspect",
                table: "AspectAssessments",
                columns: new[] { "DecisionId", "Aspect" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_At",
                table: "AuditEntries",
                columns: new[] { "EntityType", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PersonId_At",
                table: "AuditEntries",
                columns: new[] { "PersonId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ProductId_At",
                table: "AuditEntries",
                columns: new[] { "ProductId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistAnswers_AssessmentId_QuestionKey",
                table: "ChecklistAnswers",
                columns: new[] { "AssessmentId", "QuestionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistAssessments_ProductId_Number",
                table: "ChecklistAssessments",
                columns: new[] { "ProductId", "Number" },
                unique: true);

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
                name: "IX_CommitteeSessions_Date",
                table: "CommitteeSessions",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectorSyncStates_Kind_ConnectionId",
                table: "ConnectorSyncStates",
                columns: new[] { "Kind", "ConnectionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConnectorSyncStates_NextAttemptAt",
                table: "ConnectorSyncStates",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectorSyncStates_ProductId",
                table: "ConnectorSyncStates",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_DeliverableRecords_ProductId_Phase_Key",
                table: "DeliverableRecords",
                columns: new[] { "ProductId", "Phase", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestPreferences_PersonId_Kind",
                table: "DigestPreferences",
                columns: new[] { "PersonId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestRuns_GeneratedAt",
                table: "DigestRuns",
                column: "GeneratedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DigestRuns_Kind_PeriodKey_ScopeId",
                table: "DigestRuns",
                columns: new[] { "Kind", "PeriodKey", "ScopeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directorates_Code",
                table: "Directorates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directorates_Name",
                table: "Directorates",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Domains_Code",
                table: "Domains",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Domains_Name",
                table: "Domains",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExternalSatisfactionDays_Kind_ConnectionId_Source_ServiceId_FormId_Day",
                table: "ExternalSatisfactionDays",
                columns: new[] { "Kind", "ConnectionId", "Source", "ServiceId", "FormId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExternalSatisfactionDays_ProductId_Day",
                table: "ExternalSatisfactionDays",
                columns: new[] { "ProductId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackAnswers_PlacementId_ClientKey",
                table: "FeedbackAnswers",
                columns: new[] { "PlacementId", "ClientKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackAnswers_ProductId_Day",
                table: "FeedbackAnswers",
                columns: new[] { "ProductId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackDailyRollups_PlacementId_Day",
                table: "FeedbackDailyRollups",
                columns: new[] { "PlacementId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackDailyRollups_ProductId_Day",
                table: "FeedbackDailyRollups",
                columns: new[] { "ProductId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackForms_ProductId",
                table: "FeedbackForms",
                column: "ProductId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackFormVersions_FormId_Number",
                table: "FeedbackFormVersions",
                columns: new[] { "FormId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GateConditions_DecisionId",
                table: "GateConditions",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_GateConditions_OwnerId",
                table: "GateConditions",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_GateConditions_ProductId_Status",
                table: "GateConditions",
                columns: new[] { "ProductId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_GateConditions_Status_DueDate",
                table: "GateConditions",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_GateDecisions_CorrectsDecisionId",
                table: "GateDecisions",
                column: "CorrectsDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_GateDecisions_DecidedAt",
                table: "GateDecisions",
                column: "DecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_GateDecisions_GateRequestId",
                table: "GateDecisions",
                column: "GateRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_GateDecisions_ProductId_DecidedAt",
                table: "GateDecisions",
                columns: new[] { "ProductId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GateDecisions_SessionId",
                table: "GateDecisions",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_GateRequests_OneOpenPerProduct",
                table: "GateRequests",
                column: "ProductId",
                unique: true,
                filter: "\"Status\" IN ('Brouillon', 'Soumise', 'Inscrite')");

            migrationBuilder.CreateIndex(
                name: "IX_GateRequests_ProductId_CreatedAt",
                table: "GateRequests",
                columns: new[] { "ProductId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GateRequests_SessionId",
                table: "GateRequests",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_GateRequests_Status_SubmittedAt",
                table: "GateRequests",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_CreatedAt",
                table: "ImportJobs",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_IndicatorId",
                table: "ImportJobs",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_Stage_LeaseUntil",
                table: "ImportJobs",
                columns: new[] { "Stage", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ObjectiveId",
                table: "Indicators",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ProductId_ObservatoryMeasure",
                table: "Indicators",
                columns: new[] { "ProductId", "ObservatoryMeasure" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ProductId_Position",
                table: "Indicators",
                columns: new[] { "ProductId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTemplates_TypologyId",
                table: "IndicatorTemplates",
                column: "TypologyId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_IndicatorId",
                table: "Initiatives",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ObjectiveId",
                table: "Initiatives",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ProductId_Start",
                table: "Initiatives",
                columns: new[] { "ProductId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_IterationFeedbackLinks_FeedbackAnswerId",
                table: "IterationFeedbackLinks",
                column: "FeedbackAnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_IterationFeedbackLinks_IterationId",
                table: "IterationFeedbackLinks",
                column: "IterationId");

            migrationBuilder.CreateIndex(
                name: "IX_IterationInitiatives_CarriedFromId",
                table: "IterationInitiatives",
                column: "CarriedFromId");

            migrationBuilder.CreateIndex(
                name: "IX_IterationInitiatives_InitiativeId",
                table: "IterationInitiatives",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_IterationInitiatives_IterationId_InitiativeId",
                table: "IterationInitiatives",
                columns: new[] { "IterationId", "InitiativeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Iterations_ProductId_Number",
                table: "Iterations",
                columns: new[] { "ProductId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Iterations_ProductId_Start",
                table: "Iterations",
                columns: new[] { "ProductId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_JdmaConnections_ProductId",
                table: "JdmaConnections",
                column: "ProductId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JdmaFormMappings_JdmaConnectionId_FormId",
                table: "JdmaFormMappings",
                columns: new[] { "JdmaConnectionId", "FormId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JdmaOrganisationConnections_Name",
                table: "JdmaOrganisationConnections",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JdmaOrganisationForms_ConnectionId_FormId",
                table: "JdmaOrganisationForms",
                columns: new[] { "ConnectionId", "FormId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JdmaOrganisationForms_FormId",
                table: "JdmaOrganisationForms",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_JdmaOrganisationForms_ProductId",
                table: "JdmaOrganisationForms",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_MatomoConnections_ProductId",
                table: "MatomoConnections",
                column: "ProductId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatomoMetricMappings_IndicatorId",
                table: "MatomoMetricMappings",
                column: "IndicatorId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatomoMetricMappings_MatomoConnectionId",
                table: "MatomoMetricMappings",
                column: "MatomoConnectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_IndicatorId_Date",
                table: "Measurements",
                columns: new[] { "IndicatorId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Measurements_ProductId_Date",
                table: "Measurements",
                columns: new[] { "ProductId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_MinistryPriorities_Code",
                table: "MinistryPriorities",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MinistryPriorities_Name",
                table: "MinistryPriorities",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ObjectivePriorities_MinistryPriorityId",
                table: "ObjectivePriorities",
                column: "MinistryPriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_ObjectivePriorities_ObjectiveId_MinistryPriorityId",
                table: "ObjectivePriorities",
                columns: new[] { "ObjectiveId", "MinistryPriorityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_ProductId_Position",
                table: "Objectives",
                columns: new[] { "ProductId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataIndicators_IndicatorId",
                table: "OpenDataIndicators",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataIndicators_ProductOpenDataId_IndicatorId",
                table: "OpenDataIndicators",
                columns: new[] { "ProductOpenDataId", "IndicatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_SentAt_NextAttemptAt",
                table: "OutboxMails",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMails_Topic",
                table: "OutboxMails",
                column: "Topic");

            migrationBuilder.CreateIndex(
                name: "IX_PendingImports_CreatedAt",
                table: "PendingImports",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                table: "People",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_ExternalSubject",
                table: "People",
                column: "ExternalSubject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhaseChanges_GateDecisionId",
                table: "PhaseChanges",
                column: "GateDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseChanges_ProductId_At",
                table: "PhaseChanges",
                columns: new[] { "ProductId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_FormId",
                table: "Placements",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_ProductId",
                table: "Placements",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_PublicKey",
                table: "Placements",
                column: "PublicKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioSummaries_ComputedOn",
                table: "PortfolioSummaries",
                column: "ComputedOn");

            migrationBuilder.CreateIndex(
                name: "IX_ProductCompliances_HomologationValidUntil",
                table: "ProductCompliances",
                column: "HomologationValidUntil");

            migrationBuilder.CreateIndex(
                name: "IX_ProductCompliances_IsPublic_RgaaRate",
                table: "ProductCompliances",
                columns: new[] { "IsPublic", "RgaaRate" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductCompliances_ProductId",
                table: "ProductCompliances",
                column: "ProductId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductOpenData_IsPublished",
                table: "ProductOpenData",
                column: "IsPublished");

            migrationBuilder.CreateIndex(
                name: "IX_ProductOpenData_ProductId",
                table: "ProductOpenData",
                column: "ProductId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_DirectorateId_IsArchived",
                table: "Products",
                columns: new[] { "DirectorateId", "IsArchived" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_DomainId_IsArchived",
                table: "Products",
                columns: new[] { "DomainId", "IsArchived" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_IsArchived_SearchText",
                table: "Products",
                columns: new[] { "IsArchived", "SearchText" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Phase_IsArchived",
                table: "Products",
                columns: new[] { "Phase", "IsArchived" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_PhaseSince",
                table: "Products",
                column: "PhaseSince");

            migrationBuilder.CreateIndex(
                name: "IX_Products_SearchText",
                table: "Products",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_Products_Slug",
                table: "Products",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_TypologyId_IsArchived",
                table: "Products",
                columns: new[] { "TypologyId", "IsArchived" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductWeathers_AuthorId",
                table: "ProductWeathers",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductWeathers_ProductId_At",
                table: "ProductWeathers",
                columns: new[] { "ProductId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RateLimitCounters_WindowStart",
                table: "RateLimitCounters",
                column: "WindowStart");

            migrationBuilder.CreateIndex(
                name: "IX_RetroActions_CarriedToRetrospectiveId",
                table: "RetroActions",
                column: "CarriedToRetrospectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_RetroActions_OwnerPersonId",
                table: "RetroActions",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RetroActions_ProductId_Status",
                table: "RetroActions",
                columns: new[] { "ProductId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RetroActions_RetrospectiveId",
                table: "RetroActions",
                column: "RetrospectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_RetroItems_AuthorPersonId",
                table: "RetroItems",
                column: "AuthorPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RetroItems_RetrospectiveId_Id",
                table: "RetroItems",
                columns: new[] { "RetrospectiveId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Retrospectives_IterationId",
                table: "Retrospectives",
                column: "IterationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Retrospectives_ProductId_HeldOn",
                table: "Retrospectives",
                columns: new[] { "ProductId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Risks_OwnerPersonId",
                table: "Risks",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Risks_ProductId",
                table: "Risks",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_RitualFeeds_Hash",
                table: "RitualFeeds",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RitualFeeds_ProductId",
                table: "RitualFeeds",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Rituals_ProductId",
                table: "Rituals",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapDependencies_ProductId",
                table: "RoadmapDependencies",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapDependencies_TargetProductId",
                table: "RoadmapDependencies",
                column: "TargetProductId");

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapPriorities_ObjectiveId",
                table: "RoadmapPriorities",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapPriorities_RoadmapId_ObjectiveId",
                table: "RoadmapPriorities",
                columns: new[] { "RoadmapId", "ObjectiveId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapRevisions_ProductId_Number",
                table: "RoadmapRevisions",
                columns: new[] { "ProductId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Roadmaps_ProductId",
                table: "Roadmaps",
                column: "ProductId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapShareLinks_Hash",
                table: "RoadmapShareLinks",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoadmapShareLinks_ProductId",
                table: "RoadmapShareLinks",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionMembers_PersonId",
                table: "SessionMembers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionMembers_SessionId_PersonId",
                table: "SessionMembers",
                columns: new[] { "SessionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SigApprovalChecks_SigApprovalId_Check",
                table: "SigApprovalChecks",
                columns: new[] { "SigApprovalId", "Check" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SigApprovals_ProductId_Number",
                table: "SigApprovals",
                columns: new[] { "ProductId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SigApprovals_ProductId_PrincipleOutcome",
                table: "SigApprovals",
                columns: new[] { "ProductId", "PrincipleOutcome" });

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_PersonId",
                table: "TeamMembers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_ProductId_PersonId",
                table: "TeamMembers",
                columns: new[] { "ProductId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Typologies_Code",
                table: "Typologies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Typologies_Name",
                table: "Typologies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VerbatimModerations_AnswerId",
                table: "VerbatimModerations",
                column: "AnswerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VerbatimModerations_ProductId_IsHidden",
                table: "VerbatimModerations",
                columns: new[] { "ProductId", "IsHidden" });

            migrationBuilder.CreateIndex(
                name: "IX_VisionContributions_ProductId_Status",
                table: "VisionContributions",
                columns: new[] { "ProductId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_VisionContributions_VisionId",
                table: "VisionContributions",
                column: "VisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Visions_ProductId_Number",
                table: "Visions",
                columns: new[] { "ProductId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspectAssessments");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ChecklistAnswers");

            migrationBuilder.DropTable(
                name: "CoachingAssignments");

            migrationBuilder.DropTable(
                name: "CoachingMessages");

            migrationBuilder.DropTable(
                name: "CoachingSessions");

            migrationBuilder.DropTable(
                name: "ConnectorSyncStates");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DeliverableRecords");

            migrationBuilder.DropTable(
                name: "DigestPreferences");

            migrationBuilder.DropTable(
                name: "DigestRuns");

            migrationBuilder.DropTable(
                name: "ExternalSatisfactionDays");

            migrationBuilder.DropTable(
                name: "FeedbackDailyRollups");

            migrationBuilder.DropTable(
                name: "FeedbackFormVersions");

            migrationBuilder.DropTable(
                name: "GateConditions");

            migrationBuilder.DropTable(
                name: "ImportJobs");

            migrationBuilder.DropTable(
                name: "IndicatorStatusMarks");

            migrationBuilder.DropTable(
                name: "IndicatorTemplates");

            migrationBuilder.DropTable(
                name: "IterationFeedbackLinks");

            migrationBuilder.DropTable(
                name: "IterationInitiatives");

            migrationBuilder.DropTable(
                name: "JdmaFormMappings");

            migrationBuilder.DropTable(
                name: "JdmaOrganisationForms");

            migrationBuilder.DropTable(
                name: "MatomoMetricMappings");

            migrationBuilder.DropTable(
                name: "Measurements");

            migrationBuilder.DropTable(
                name: "ObjectivePriorities");

            migrationBuilder.DropTable(
                name: "OpenDataIndicators");

            migrationBuilder.DropTable(
                name: "OpenDataReleases");

            migrationBuilder.DropTable(
                name: "OutboxMails");

            migrationBuilder.DropTable(
                name: "PendingImports");

            migrationBuilder.DropTable(
                name: "PhaseChanges");

            migrationBuilder.DropTable(
                name: "PortfolioSummaries");

            migrationBuilder.DropTable(
                name: "ProductCompliances");

            migrationBuilder.DropTable(
                name: "ProductWeathers");

            migrationBuilder.DropTable(
                name: "RateLimitCounters");

            migrationBuilder.DropTable(
                name: "RetroActions");

            migrationBuilder.DropTable(
                name: "RetroItems");

            migrationBuilder.DropTable(
                name: "Risks");

            migrationBuilder.DropTable(
                name: "RitualFeeds");

            migrationBuilder.DropTable(
                name: "Rituals");

            migrationBuilder.DropTable(
                name: "RoadmapDependencies");

            migrationBuilder.DropTable(
                name: "RoadmapPriorities");

            migrationBuilder.DropTable(
                name: "RoadmapRevisions");

            migrationBuilder.DropTable(
                name: "RoadmapShareLinks");

            migrationBuilder.DropTable(
                name: "SessionMembers");

            migrationBuilder.DropTable(
                name: "SigApprovalChecks");

            migrationBuilder.DropTable(
                name: "TeamMembers");

            migrationBuilder.DropTable(
                name: "VerbatimModerations");

            migrationBuilder.DropTable(
                name: "VisionContributions");

            migrationBuilder.DropTable(
                name: "ChecklistAssessments");

            migrationBuilder.DropTable(
                name: "CoachingRequests");

            migrationBuilder.DropTable(
                name: "Initiatives");

            migrationBuilder.DropTable(
                name: "JdmaConnections");

            migrationBuilder.DropTable(
                name: "JdmaOrganisationConnections");

            migrationBuilder.DropTable(
                name: "MatomoConnections");

            migrationBuilder.DropTable(
                name: "MinistryPriorities");

            migrationBuilder.DropTable(
                name: "ProductOpenData");

            migrationBuilder.DropTable(
                name: "Retrospectives");

            migrationBuilder.DropTable(
                name: "Roadmaps");

            migrationBuilder.DropTable(
                name: "SigApprovals");

            migrationBuilder.DropTable(
                name: "FeedbackAnswers");

            migrationBuilder.DropTable(
                name: "Visions");

            migrationBuilder.DropTable(
                name: "CoachingInterventions");

            migrationBuilder.DropTable(
                name: "GateDecisions");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "Iterations");

            migrationBuilder.DropTable(
                name: "Placements");

            migrationBuilder.DropTable(
                name: "GateRequests");

            migrationBuilder.DropTable(
                name: "Objectives");

            migrationBuilder.DropTable(
                name: "FeedbackForms");

            migrationBuilder.DropTable(
                name: "CommitteeSessions");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "Directorates");

            migrationBuilder.DropTable(
                name: "Domains");

            migrationBuilder.DropTable(
                name: "Typologies");
        }
    }
}

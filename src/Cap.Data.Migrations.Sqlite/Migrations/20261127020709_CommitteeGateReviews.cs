using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cap.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommitteeGateReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "GateRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
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
                name: "GateDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    GateRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true),
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

            migrationBuilder.CreateIndex(
                name: "IX_PhaseChanges_GateDecisionId",
                table: "PhaseChanges",
                column: "GateDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_AspectAssessments_DecisionId_Aspect",
                table: "AspectAssessments",
                columns: new[] { "DecisionId", "Aspect" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeSessions_Date",
                table: "CommitteeSessions",
                column: "Date");

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
                name: "IX_SessionMembers_PersonId",
                table: "SessionMembers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionMembers_SessionId_PersonId",
                table: "SessionMembers",
                columns: new[] { "SessionId", "PersonId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_PhaseChanges_GateDecisions_GateDecisionId",
                table: "PhaseChanges",
                column: "GateDecisionId",
                principalTable: "GateDecisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The decisions go away with their tables: the phase changes they caused stay, without the link.
            migrationBuilder.Sql("UPDATE \"PhaseChanges\" SET \"GateDecisionId\" = NULL WHERE \"GateDecisionId\" IS NOT NULL;");

            migrationBuilder.DropForeignKey(
                name: "FK_PhaseChanges_GateDecisions_GateDecisionId",
                table: "PhaseChanges");

            migrationBuilder.DropTable(
                name: "AspectAssessments");

            migrationBuilder.DropTable(
                name: "GateConditions");

            migrationBuilder.DropTable(
                name: "SessionMembers");

            migrationBuilder.DropTable(
                name: "GateDecisions");

            migrationBuilder.DropTable(
                name: "GateRequests");

            migrationBuilder.DropTable(
                name: "CommitteeSessions");

            migrationBuilder.DropIndex(
                name: "IX_PhaseChanges_GateDecisionId",
                table: "PhaseChanges");
        }
    }
}

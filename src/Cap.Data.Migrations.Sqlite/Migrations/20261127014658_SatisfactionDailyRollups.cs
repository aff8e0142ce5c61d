using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cap.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SatisfactionDailyRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackDailyRollups_PlacementId_Day",
                table: "FeedbackDailyRollups",
                columns: new[] { "PlacementId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackDailyRollups_ProductId_Day",
                table: "FeedbackDailyRollups",
                columns: new[] { "ProductId", "Day" });

            // Backfill from the answers already stored: their Day column is already the Europe/Paris day of ReceivedAt
            // (set when each answer is built), so the rollups group by it with no time-zone arithmetic in SQL.
            // Points: 1 → 0, 2 → 5, 3 → 10 (SatisfactionScore.Points).
            migrationBuilder.Sql("""
                INSERT INTO "FeedbackDailyRollups" ("ProductId", "PlacementId", "Day", "Count", "Points", "ClarityCount", "ClaritySum", "HelpAsked", "Reached")
                SELECT MIN("ProductId"), "PlacementId", "Day", COUNT(*),
                       SUM(CASE "Experience" WHEN 3 THEN 10 WHEN 2 THEN 5 ELSE 0 END),
                       COUNT("Clarity"), COALESCE(SUM("Clarity"), 0),
                       COUNT("AdministrationReached"), SUM(CASE WHEN "AdministrationReached" = 1 THEN 1 ELSE 0 END)
                FROM "FeedbackAnswers"
                GROUP BY "PlacementId", "Day";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackDailyRollups");
        }
    }
}

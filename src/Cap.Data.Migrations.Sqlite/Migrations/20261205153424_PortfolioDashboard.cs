using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cap.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortfolioDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    SatisfactionLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    SatisfactionLevelPrevious = table.Column<int>(type: "INTEGER", nullable: false),
                    ClarityLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    ClarityLevelPrevious = table.Column<int>(type: "INTEGER", nullable: false),
                    HelpLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    HelpLevelPrevious = table.Column<int>(type: "INTEGER", nullable: false),
                    RgaaLevel = table.Column<int>(type: "INTEGER", nullable: false),
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

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioSummaries_ComputedOn",
                table: "PortfolioSummaries",
                column: "ComputedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortfolioSummaries");
        }
    }
}

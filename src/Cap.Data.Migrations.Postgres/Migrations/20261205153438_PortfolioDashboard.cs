using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cap.Data.Migrations.Postgres.Migrations
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
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    ChangeCount = table.Column<long>(type: "bigint", nullable: false),
                    RefreshedChange = table.Column<long>(type: "bigint", nullable: false),
                    ComputedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RefreshedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Indicators = table.Column<int>(type: "integer", nullable: false),
                    Reached = table.Column<int>(type: "integer", nullable: false),
                    OnTrack = table.Column<int>(type: "integer", nullable: false),
                    Watch = table.Column<int>(type: "integer", nullable: false),
                    OffTrack = table.Column<int>(type: "integer", nullable: false),
                    Late = table.Column<int>(type: "integer", nullable: false),
                    NoData = table.Column<int>(type: "integer", nullable: false),
                    Health = table.Column<int>(type: "integer", nullable: false),
                    Answers30 = table.Column<long>(type: "bigint", nullable: false),
                    Points30 = table.Column<long>(type: "bigint", nullable: false),
                    Index30Tenths = table.Column<int>(type: "integer", nullable: true),
                    AnswersPrevious30 = table.Column<long>(type: "bigint", nullable: false),
                    PointsPrevious30 = table.Column<long>(type: "bigint", nullable: false),
                    ClarityCount30 = table.Column<long>(type: "bigint", nullable: false),
                    ClaritySum30 = table.Column<long>(type: "bigint", nullable: false),
                    ClarityCountPrevious30 = table.Column<long>(type: "bigint", nullable: false),
                    ClaritySumPrevious30 = table.Column<long>(type: "bigint", nullable: false),
                    HelpAsked12 = table.Column<long>(type: "bigint", nullable: false),
                    Reached12 = table.Column<long>(type: "bigint", nullable: false),
                    HelpAskedPrevious12 = table.Column<long>(type: "bigint", nullable: false),
                    ReachedPrevious12 = table.Column<long>(type: "bigint", nullable: false),
                    ChecklistScore = table.Column<int>(type: "integer", nullable: true),
                    ChecklistAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Weather = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    WeatherAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OpenConditions = table.Column<int>(type: "integer", nullable: false),
                    OverdueConditions = table.Column<int>(type: "integer", nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    RgaaRate = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    RgaaAuditDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SatisfactionLevel = table.Column<int>(type: "integer", nullable: false),
                    SatisfactionLevelPrevious = table.Column<int>(type: "integer", nullable: false),
                    ClarityLevel = table.Column<int>(type: "integer", nullable: false),
                    ClarityLevelPrevious = table.Column<int>(type: "integer", nullable: false),
                    HelpLevel = table.Column<int>(type: "integer", nullable: false),
                    HelpLevelPrevious = table.Column<int>(type: "integer", nullable: false),
                    RgaaLevel = table.Column<int>(type: "integer", nullable: false),
                    FlagCount = table.Column<int>(type: "integer", nullable: false),
                    AlertCount = table.Column<int>(type: "integer", nullable: false),
                    FlagCodes = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false)
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cap.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ObservatoryMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AvailabilityKept",
                table: "PortfolioSummaries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AvailabilityKeptPrevious",
                table: "PortfolioSummaries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AvailabilityLevel",
                table: "PortfolioSummaries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AvailabilityLevelPrevious",
                table: "PortfolioSummaries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PageLoadLevel",
                table: "PortfolioSummaries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PageLoadLevelPrevious",
                table: "PortfolioSummaries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PageLoadMs",
                table: "PortfolioSummaries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PageLoadMsPrevious",
                table: "PortfolioSummaries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObservatoryMeasure",
                table: "Indicators",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ProductId_ObservatoryMeasure",
                table: "Indicators",
                columns: new[] { "ProductId", "ObservatoryMeasure" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Indicators_ProductId_ObservatoryMeasure",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "AvailabilityKept",
                table: "PortfolioSummaries");

            migrationBuilder.DropColumn(
                name: "AvailabilityKeptPrevious",
                table: "PortfolioSummaries");

            migrationBuilder.DropColumn(
                name: "AvailabilityLevel",
                table: "PortfolioSummaries");

            migrationBuilder.DropColumn(
                name: "AvailabilityLevelPrevious",
                table: "PortfolioSummaries");

            migrationBuilder.DropColumn(
                name: "PageLoadLevel",
                table: "PortfolioSummaries");

            migrationBuilder.DropColumn(
                name: "PageLoadLevelPrevious",
                table: "PortfolioSummaries");

            migrationBuilder.DropColumn(
                name: "PageLoadMs",
                table: "PortfolioSummaries");

            migrationBuilder.DropColumn(
                name: "PageLoadMsPrevious",
                table: "PortfolioSummaries");

            migrationBuilder.DropColumn(
                name: "ObservatoryMeasure",
                table: "Indicators");
        }
    }
}

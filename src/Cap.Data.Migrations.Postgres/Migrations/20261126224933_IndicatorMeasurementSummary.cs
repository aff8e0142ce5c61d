using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cap.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorMeasurementSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastDate",
                table: "Indicators",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "LastValue",
                table: "Indicators",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TrendSlope",
                table: "Indicators",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TrendValue",
                table: "Indicators",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastDate",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "LastValue",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "TrendSlope",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "TrendValue",
                table: "Indicators");
        }
    }
}

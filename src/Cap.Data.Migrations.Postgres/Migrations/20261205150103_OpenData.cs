using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cap.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OpenData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OpenDataReleases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataReleases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProductOpenData",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    PublishSatisfaction = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "OpenDataIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductOpenDataId = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_ProductOpenData_IsPublished",
                table: "ProductOpenData",
                column: "IsPublished");

            migrationBuilder.CreateIndex(
                name: "IX_ProductOpenData_ProductId",
                table: "ProductOpenData",
                column: "ProductId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OpenDataIndicators");

            migrationBuilder.DropTable(
                name: "OpenDataReleases");

            migrationBuilder.DropTable(
                name: "ProductOpenData");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cap.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Compliance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProductCompliances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    RgaaAuditDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RgaaRate = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    RgaaStatementUrl = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RgaaStatementStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RgaaFullComplianceTarget = table.Column<DateOnly>(type: "date", nullable: true),
                    HomologationDecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    HomologationValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    RgpdRegisterEntry = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Dpia = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RgesnDeclarationUrl = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RgesnScore = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "SigApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FramingSentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PrincipleOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PrincipleDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PrincipleReservations = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FinalOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FinalDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FinalReservations = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SupersededOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "SigApprovalChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SigApprovalId = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    Check = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IsMet = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProductCompliances");

            migrationBuilder.DropTable(
                name: "SigApprovalChecks");

            migrationBuilder.DropTable(
                name: "SigApprovals");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cap.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SatisfactionModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VerbatimModerations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    AnswerId = table.Column<long>(type: "bigint", nullable: false),
                    IsHidden = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ModeratorName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_VerbatimModerations_AnswerId",
                table: "VerbatimModerations",
                column: "AnswerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VerbatimModerations_ProductId_IsHidden",
                table: "VerbatimModerations",
                columns: new[] { "ProductId", "IsHidden" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VerbatimModerations");
        }
    }
}

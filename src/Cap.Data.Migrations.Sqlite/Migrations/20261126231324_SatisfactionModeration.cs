using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cap.Data.Migrations.Sqlite.Migrations
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

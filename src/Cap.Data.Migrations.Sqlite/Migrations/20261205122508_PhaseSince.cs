using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cap.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PhaseSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PhaseSince",
                table: "Products",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Existing products: their phase started at their last phase change, or at their registration.
            migrationBuilder.Sql("""
                UPDATE "Products" SET "PhaseSince" = COALESCE(
                    (SELECT MAX(c."At") FROM "PhaseChanges" c WHERE c."ProductId" = "Products"."Id"), "CreatedAt");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Products_PhaseSince",
                table: "Products",
                column: "PhaseSince");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_PhaseSince",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "PhaseSince",
                table: "Products");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cap.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TeamStaffing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AccessibilityReferent",
                table: "TeamMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ChosenRoles",
                table: "TeamMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TimeShare",
                table: "TeamMembers",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AccessibilityReferent",
                table: "TeamMembers");

            migrationBuilder.DropColumn(
                name: "ChosenRoles",
                table: "TeamMembers");

            migrationBuilder.DropColumn(
                name: "TimeShare",
                table: "TeamMembers");
        }
    }
}

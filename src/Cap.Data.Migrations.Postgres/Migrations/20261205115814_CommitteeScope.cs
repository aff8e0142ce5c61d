using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cap.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CommitteeScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "GateRequests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "PassagePhase"); // requests and decisions written before were all phase changes

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "GateDecisions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "PassagePhase"); // requests and decisions written before were all phase changes
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "GateRequests");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "GateDecisions");
        }
    }
}

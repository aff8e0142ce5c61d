using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cap.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class JdmaOrganisationConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExternalSatisfactionDays_ConnectionId_Source_ServiceId_Form~",
                table: "ExternalSatisfactionDays");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ExternalSatisfactionDays",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Jdma"); // the days stored so far are products' connections' days

            migrationBuilder.AlterColumn<int>(
                name: "ProductId",
                table: "ConnectorSyncStates",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.CreateTable(
                name: "JdmaOrganisationConnections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BaseUrl = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProtectedKey = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    KeySavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JdmaOrganisationConnections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JdmaOrganisationForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    ServiceTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    FormTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JdmaOrganisationForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JdmaOrganisationForms_JdmaOrganisationConnections_Connectio~",
                        column: x => x.ConnectionId,
                        principalTable: "JdmaOrganisationConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JdmaOrganisationForms_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalSatisfactionDays_Kind_ConnectionId_Source_ServiceId~",
                table: "ExternalSatisfactionDays",
                columns: new[] { "Kind", "ConnectionId", "Source", "ServiceId", "FormId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JdmaOrganisationConnections_Name",
                table: "JdmaOrganisationConnections",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JdmaOrganisationForms_ConnectionId_FormId",
                table: "JdmaOrganisationForms",
                columns: new[] { "ConnectionId", "FormId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JdmaOrganisationForms_FormId",
                table: "JdmaOrganisationForms",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_JdmaOrganisationForms_ProductId",
                table: "JdmaOrganisationForms",
                column: "ProductId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JdmaOrganisationForms");

            migrationBuilder.DropTable(
                name: "JdmaOrganisationConnections");

            migrationBuilder.DropIndex(
                name: "IX_ExternalSatisfactionDays_Kind_ConnectionId_Source_ServiceId~",
                table: "ExternalSatisfactionDays");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ExternalSatisfactionDays");

            migrationBuilder.AlterColumn<int>(
                name: "ProductId",
                table: "ConnectorSyncStates",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExternalSatisfactionDays_ConnectionId_Source_ServiceId_Form~",
                table: "ExternalSatisfactionDays",
                columns: new[] { "ConnectionId", "Source", "ServiceId", "FormId", "Day" },
                unique: true);
        }
    }
}

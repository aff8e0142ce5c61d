using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cap.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class JdmaOrganisationConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExternalSatisfactionDays_ConnectionId_Source_ServiceId_FormId_Day",
                table: "ExternalSatisfactionDays");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ExternalSatisfactionDays",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Jdma"); // the days stored so far are products' connections' days

            migrationBuilder.AlterColumn<int>(
                name: "ProductId",
                table: "ConnectorSyncStates",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.CreateTable(
                name: "JdmaOrganisationConnections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BaseUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    KeySavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JdmaOrganisationConnections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JdmaOrganisationForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JdmaOrganisationForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JdmaOrganisationForms_JdmaOrganisationConnections_ConnectionId",
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
                name: "IX_ExternalSatisfactionDays_Kind_ConnectionId_Source_ServiceId_FormId_Day",
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
                name: "IX_ExternalSatisfactionDays_Kind_ConnectionId_Source_ServiceId_FormId_Day",
                table: "ExternalSatisfactionDays");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ExternalSatisfactionDays");

            migrationBuilder.AlterColumn<int>(
                name: "ProductId",
                table: "ConnectorSyncStates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExternalSatisfactionDays_ConnectionId_Source_ServiceId_FormId_Day",
                table: "ExternalSatisfactionDays",
                columns: new[] { "ConnectionId", "Source", "ServiceId", "FormId", "Day" },
                unique: true);
        }
    }
}

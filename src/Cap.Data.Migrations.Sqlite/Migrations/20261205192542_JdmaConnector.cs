using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cap.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class JdmaConnector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConnectorSyncStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSuccessAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastErrorAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    SyncedThrough = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectorSyncStates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectorSyncStates_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExternalSatisfactionDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    ClarityCount = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaritySum = table.Column<long>(type: "INTEGER", nullable: false),
                    HelpAsked = table.Column<long>(type: "INTEGER", nullable: false),
                    Reached = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalSatisfactionDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExternalSatisfactionDays_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JdmaConnections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    KeySavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JdmaConnections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JdmaConnections_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JdmaFormMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JdmaConnectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JdmaFormMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JdmaFormMappings_JdmaConnections_JdmaConnectionId",
                        column: x => x.JdmaConnectionId,
                        principalTable: "JdmaConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectorSyncStates_Kind_ConnectionId",
                table: "ConnectorSyncStates",
                columns: new[] { "Kind", "ConnectionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConnectorSyncStates_NextAttemptAt",
                table: "ConnectorSyncStates",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectorSyncStates_ProductId",
                table: "ConnectorSyncStates",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalSatisfactionDays_ConnectionId_Source_ServiceId_FormId_Day",
                table: "ExternalSatisfactionDays",
                columns: new[] { "ConnectionId", "Source", "ServiceId", "FormId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExternalSatisfactionDays_ProductId_Day",
                table: "ExternalSatisfactionDays",
                columns: new[] { "ProductId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_JdmaConnections_ProductId",
                table: "JdmaConnections",
                column: "ProductId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JdmaFormMappings_JdmaConnectionId_FormId",
                table: "JdmaFormMappings",
                columns: new[] { "JdmaConnectionId", "FormId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectorSyncStates");

            migrationBuilder.DropTable(
                name: "ExternalSatisfactionDays");

            migrationBuilder.DropTable(
                name: "JdmaFormMappings");

            migrationBuilder.DropTable(
                name: "JdmaConnections");
        }
    }
}

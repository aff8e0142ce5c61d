using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Cap.Data.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConnectionId = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    LastSuccessAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastErrorAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    SyncedThrough = table.Column<DateOnly>(type: "date", nullable: true),
                    LastDays = table.Column<int>(type: "integer", nullable: false),
                    Owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConnectionId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    Points = table.Column<long>(type: "bigint", nullable: false),
                    ClarityCount = table.Column<long>(type: "bigint", nullable: false),
                    ClaritySum = table.Column<long>(type: "bigint", nullable: false),
                    HelpAsked = table.Column<long>(type: "bigint", nullable: false),
                    Reached = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    BaseUrl = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProtectedKey = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    KeySavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JdmaConnectionId = table.Column<int>(type: "integer", nullable: false),
                    ProductId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    ServiceTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    FormTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
                name: "IX_ExternalSatisfactionDays_ConnectionId_Source_ServiceId_Form~",
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

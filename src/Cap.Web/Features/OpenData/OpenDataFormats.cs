using System.Text.Json;
using System.Text.Json.Nodes;
using Cap.Domain.OpenData;
using Cap.Web.Shared.Export;

namespace Cap.Web.Features.OpenData;

/// <summary>
/// The files of the open data, written from the dataset: the two CSV files (Cap's CSV writer, open data dialect), the
/// JSON, the two Table Schemas (as schema.data.gouv.fr publishes them), the JSON Schema of the JSON, and the DCAT-AP
/// catalogue in JSON-LD (the vocabulary data.gouv.fr harvests).
/// </summary>
public static class OpenDataFormats
{
    public const string ProductsCsv = "produits.csv";
    public const string IndicatorsCsv = "indicateurs.csv";
    public const string ProductsJson = "produits.json";
    public const string ProductsSchema = "schema-produits.json";
    public const string IndicatorsSchema = "schema-indicateurs.json";
    public const string JsonSchema = "produits.schema.json";
    public const string Catalogue = "catalogue.jsonld";

    public const string DatasetTitle = "Produits numériques des ministères sociaux";
    public const string DatasetDescription =
        "Les produits numériques des ministères sociaux que leurs équipes ont choisi de publier : nom, description, direction, domaine, " +
        "phase du cycle de vie et adresse, l’indice de satisfaction des usagers quand l’équipe le publie, et la dernière valeur des " +
        "indicateurs d’impact qu’elle a choisis. Mis à jour en continu depuis Cap, la plateforme de pilotage des produits.";

    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static async Task<byte[]> ProductsCsvAsync(OpenDataDocument document, CancellationToken ct)
    {
        using var output = new MemoryStream();
        await CsvSheet.WriteAsync(output, [.. OpenDataFields.Products.Select(f => f.Name)], Rows(document.Products.Select(p => p.CsvRow())), CsvDialect.OpenData, ct);
        return output.ToArray();
    }

    public static async Task<byte[]> IndicatorsCsvAsync(OpenDataDocument document, CancellationToken ct)
    {
        using var output = new MemoryStream();
        await CsvSheet.WriteAsync(output, [.. OpenDataFields.Indicators.Select(f => f.Name)],
            Rows(document.Products.SelectMany(p => p.Indicators.Select(i => i.CsvRow(p)))), CsvDialect.OpenData, ct);
        return output.ToArray();
    }

    private static async IAsyncEnumerable<object?[]> Rows(IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }
        await Task.CompletedTask;
    }

    public static byte[] ProductsJsonBytes(OpenDataDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, Json);

    /// <summary>A Table Schema (https://specs.frictionlessdata.io/table-schema/) of one CSV file.</summary>
    public static byte[] TableSchema(string name, string title, string description, IReadOnlyList<OpenDataField> fields, string? primaryKey)
    {
        var schema = new JsonObject
        {
            ["$schema"] = "https://frictionlessdata.io/schemas/table-schema.json",
            ["name"] = name,
            ["title"] = title,
            ["description"] = description,
            ["version"] = OpenDataRules.SchemaVersion,
            ["licenses"] = new JsonArray(new JsonObject
            {
                ["name"] = "etalab-2.0", ["title"] = OpenDataDocument.LicenceName, ["path"] = OpenDataDocument.LicenceUrlValue,
            }),
            ["missingValues"] = new JsonArray(""),
            ["fields"] = new JsonArray([.. fields.Select(Field)]),
        };
        if (primaryKey is not null)
        {
            schema["primaryKey"] = primaryKey;
        }
        return JsonSerializer.SerializeToUtf8Bytes(schema, Json);
    }

    private static JsonNode Field(OpenDataField f)
    {
        var constraints = new JsonObject { ["required"] = f.Required };
        if (f.Values is { } values)
        {
            constraints["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
        }
        if (f.Minimum is { } min)
        {
            constraints["minimum"] = min;
        }
        if (f.Maximum is { } max)
        {
            constraints["maximum"] = max;
        }
        var field = new JsonObject { ["name"] = f.Name, ["title"] = f.Title, ["description"] = f.Description, ["type"] = f.Type };
        if (f.Format is { } format)
        {
            field["format"] = format;
        }
        if (f.Example.Length > 0)
        {
            field["example"] = f.Example;
        }
        field["constraints"] = constraints;
        return field;
    }

    public static readonly byte[] ProductsTableSchema = TableSchema("produits-numeriques-ministeres-sociaux", DatasetTitle,
        "Un produit numérique par ligne (fichier produits.csv).", OpenDataFields.Products, "identifiant");

    public static readonly byte[] IndicatorsTableSchema = TableSchema("indicateurs-produits-numeriques-ministeres-sociaux", "Indicateurs des produits numériques des ministères sociaux",
        "Un indicateur publié par ligne, avec sa dernière valeur (fichier indicateurs.csv).", OpenDataFields.Indicators, null);

    /// <summary>The JSON Schema (draft 2020-12) of produits.json.</summary>
    public static readonly byte[] ProductsJsonSchema = BuildJsonSchema();

    private static byte[] BuildJsonSchema()
    {
        static JsonObject Object(IEnumerable<OpenDataField> fields, params (string Name, JsonNode Schema, bool Required)[] extra)
        {
            var properties = new JsonObject();
            var required = new JsonArray();
            foreach (var f in fields)
            {
                JsonNode type = f.Type switch
                {
                    "number" => "number",
                    "integer" => "integer",
                    _ => "string",
                };
                var property = new JsonObject { ["title"] = f.Title, ["description"] = f.Description };
                property["type"] = f.Required ? type : new JsonArray(type.DeepClone(), "null");
                if (f.Type == "date")
                {
                    property["format"] = "date";
                }
                if (f.Format == "uri")
                {
                    property["format"] = "uri";
                }
                if (f.Values is { } values)
                {
                    property["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
                }
                if (f.Minimum is { } min)
                {
                    property["minimum"] = min;
                }
                if (f.Maximum is { } max)
                {
                    property["maximum"] = max;
                }
                properties[f.Name] = property;
                required.Add(f.Name);
            }
            foreach (var (name, schema, isRequired) in extra)
            {
                properties[name] = schema;
                if (isRequired)
                {
                    required.Add(name);
                }
            }
            return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required, ["additionalProperties"] = false };
        }

        var indicator = Object(OpenDataFields.Indicators.Where(f => f.Name is not ("produit" or "produit_nom")));
        var product = Object(OpenDataFields.Products, ("indicateurs", new JsonObject { ["type"] = "array", ["items"] = indicator }, true));
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = DatasetTitle,
            ["description"] = "Schéma du fichier produits.json, version " + OpenDataRules.SchemaVersion + ".",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["version_schema"] = new JsonObject { ["type"] = "string", ["const"] = OpenDataRules.SchemaVersion },
                ["licence"] = new JsonObject { ["type"] = "string" },
                ["licence_url"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
                ["date_modification"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["satisfaction_minimum_avis"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                ["produits"] = new JsonObject { ["type"] = "array", ["items"] = product },
            },
            ["required"] = new JsonArray("version_schema", "licence", "licence_url", "date_modification", "satisfaction_minimum_avis", "produits"),
            ["additionalProperties"] = false,
        };
        return JsonSerializer.SerializeToUtf8Bytes(schema, Json);
    }

    /// <summary>
    /// The DCAT-AP description (JSON-LD) of the catalogue and its one dataset, with absolute links under
    /// <paramref name="baseUrl"/> (e.g. https://cap.example.gouv.fr/donnees-ouvertes).
    /// </summary>
    public static byte[] DcatCatalogue(string baseUrl, DateTimeOffset modified, OpenDataOptions options)
    {
        var files = $"{baseUrl}/{OpenDataRules.MajorPath}";
        var issued = "2026-01-01";
        var modifiedText = modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        JsonObject Literal(string value, string type) => new() { ["@value"] = value, ["@type"] = type };
        JsonObject Distribution(string file, string title, string description, string mediaType, string format, string schema) => new()
        {
            ["@id"] = $"{files}/{file}#distribution",
            ["@type"] = "dcat:Distribution",
            ["dct:title"] = title,
            ["dct:description"] = description,
            ["dcat:accessURL"] = new JsonObject { ["@id"] = baseUrl },
            ["dcat:downloadURL"] = new JsonObject { ["@id"] = $"{files}/{file}" },
            ["dcat:mediaType"] = new JsonObject { ["@id"] = $"http://www.iana.org/assignments/media-types/{mediaType}" },
            ["dct:format"] = new JsonObject { ["@id"] = $"http://publications.europa.eu/resource/authority/file-type/{format}" },
            ["dct:license"] = new JsonObject { ["@id"] = OpenDataDocument.LicenceUrlValue },
            ["dct:modified"] = Literal(modifiedText, "xsd:dateTime"),
            ["dct:conformsTo"] = new JsonObject { ["@id"] = $"{files}/{schema}" },
        };
        var catalogue = new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
            },
            ["@id"] = $"{baseUrl}/{Catalogue}",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = "Données ouvertes de Cap",
            ["dct:description"] = "Catalogue des données ouvertes de Cap, la plateforme de pilotage des produits numériques des ministères sociaux.",
            ["dct:language"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/language/FRA" },
            ["dct:publisher"] = new JsonObject { ["@id"] = $"{baseUrl}#editeur" },
            ["dct:license"] = new JsonObject { ["@id"] = OpenDataDocument.LicenceUrlValue },
            ["dct:modified"] = Literal(modifiedText, "xsd:dateTime"),
            ["foaf:homepage"] = new JsonObject { ["@id"] = baseUrl },
            ["dcat:dataset"] = new JsonArray(new JsonObject
            {
                ["@id"] = $"{baseUrl}#jeu-de-donnees",
                ["@type"] = "dcat:Dataset",
                ["dct:identifier"] = "produits-numeriques-ministeres-sociaux",
                ["dct:title"] = DatasetTitle,
                ["dct:description"] = DatasetDescription,
                ["dcat:keyword"] = new JsonArray("produits numériques", "ministères sociaux", "satisfaction des usagers", "indicateurs", "pilotage"),
                ["dct:language"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/language/FRA" },
                ["dct:issued"] = Literal(issued, "xsd:date"),
                ["dct:modified"] = Literal(modifiedText, "xsd:dateTime"),
                ["dct:accrualPeriodicity"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/frequency/CONT" },
                ["dct:license"] = new JsonObject { ["@id"] = OpenDataDocument.LicenceUrlValue },
                ["dct:accessRights"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/access-right/PUBLIC" },
                ["dct:publisher"] = new JsonObject
                {
                    ["@id"] = $"{baseUrl}#editeur",
                    ["@type"] = "foaf:Organization",
                    ["foaf:name"] = options.Publisher,
                    ["foaf:homepage"] = new JsonObject { ["@id"] = options.PublisherUrl },
                },
                ["dct:conformsTo"] = new JsonArray(
                    new JsonObject { ["@id"] = $"{files}/{ProductsSchema}" },
                    new JsonObject { ["@id"] = $"{files}/{IndicatorsSchema}" }),
                ["dcat:landingPage"] = new JsonObject { ["@id"] = baseUrl },
                ["dcat:distribution"] = new JsonArray(
                    Distribution(ProductsCsv, "Produits (CSV)", "Un produit par ligne ; séparateur virgule, UTF-8.", "text/csv", "CSV", ProductsSchema),
                    Distribution(IndicatorsCsv, "Indicateurs (CSV)", "Un indicateur publié par ligne, avec sa dernière valeur ; séparateur virgule, UTF-8.", "text/csv", "CSV", IndicatorsSchema),
                    Distribution(ProductsJson, "Produits et indicateurs (JSON)", "Les produits et, pour chacun, ses indicateurs publiés.", "application/json", "JSON", JsonSchema)),
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(catalogue, Json);
    }
}

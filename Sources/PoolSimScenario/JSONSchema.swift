/// The JSON Schema (draft 2020-12) of the scenario format, for editors that
/// check YAML, TOML or JSON files as they are typed. Cross-key rules (sums of
/// correlations, list lengths tied to the horizon, duplicate ids) are beyond
/// what the schema says; `poolsim validate` checks them.
public enum ScenarioJSONSchema {
    /// The schema as pretty-printed JSON text.
    public static var text: String { JSONText.render(document) + "\n" }

    static var document: DocumentNode {
        var root = object(ScenarioSchema.root)
        root.insert(contentsOf: [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("PoolSim scenario, schema version 1")),
        ], at: 0)
        return node(root)
    }

    private static let nowhere = SourceLocation(file: "")

    private static func node(_ pairs: [(String, DocumentNode.Value)]) -> DocumentNode {
        DocumentNode(.table(pairs.map { DocumentEntry(key: $0.0, keyLocation: nowhere, node: DocumentNode($0.1, at: nowhere)) }),
                     at: nowhere)
    }

    private static func value(_ pairs: [(String, DocumentNode.Value)]) -> DocumentNode.Value { node(pairs).value }

    private static func strings(_ values: [String]) -> DocumentNode.Value {
        .list(values.map { DocumentNode(.string($0), at: nowhere) })
    }

    private static func object(_ table: SchemaTable) -> [(String, DocumentNode.Value)] {
        var properties: [(String, DocumentNode.Value)] = []
        var required: [String] = []
        for field in table.fields {
            var property = shape(field.shape)
            property.insert(("description", .string(field.summary)), at: 0)
            switch field.defaultValue {
            case .required: required.append(field.key)
            case let .value(defaultValue): property.append(("default", defaultValue))
            case let .derived(words): property[0].1 = .string(field.summary + " Default: \(words).")
            }
            properties.append((field.key, value(property)))
        }
        var result: [(String, DocumentNode.Value)] = [("type", .string("object")), ("properties", value(properties))]
        if !required.isEmpty { result.append(("required", strings(required))) }
        result.append(("additionalProperties", .bool(false)))
        return result
    }

    private static func range(_ range: NumberRange) -> [(String, DocumentNode.Value)] {
        var result: [(String, DocumentNode.Value)] = []
        if let lower = range.lower { result.append((range.lowerInclusive ? "minimum" : "exclusiveMinimum", .number(lower))) }
        if let upper = range.upper { result.append((range.upperInclusive ? "maximum" : "exclusiveMaximum", .number(upper))) }
        return result
    }

    private static func shape(_ shape: Shape) -> [(String, DocumentNode.Value)] {
        switch shape {
        case let .number(numberRange): return [("type", .string("number"))] + range(numberRange)
        case let .integer(numberRange): return [("type", .string("integer"))] + range(numberRange)
        case let .string(identifier):
            return identifier ? [("type", .string("string")), ("pattern", .string("^[^.\\[\\]=,\" \\t\\r\\n]+$"))]
                : [("type", .string("string"))]
        case let .choice(options): return [("enum", strings(options))]
        case let .table(table): return object(table)
        case let .map(inner): return [("type", .string("object")), ("additionalProperties", value(self.shape(inner)))]
        case let .list(element, minimumCount):
            var result: [(String, DocumentNode.Value)] = [("type", .string("array")), ("items", value(self.shape(element)))]
            if minimumCount > 0 { result.append(("minItems", .integer(minimumCount))) }
            return result
        case let .nullable(inner):
            return [("anyOf", .list([node(self.shape(inner)), node([("type", .string("null"))])]))]
        case let .either(shapes):
            return [("anyOf", .list(shapes.map { node(self.shape($0)) }))]
        case .any:
            return []
        }
    }
}

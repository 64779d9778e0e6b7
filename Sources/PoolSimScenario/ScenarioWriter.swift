import PoolSimCore

/// Writes a `Scenario` back out, every key present (defaults filled in), in
/// the order of the format's description. Reading the output gives an equal
/// scenario (the loan tape is read again from `loan_tape`).
public enum ScenarioWriter {
    /// The scenario as YAML.
    public static func yaml(_ scenario: Scenario) -> String {
        YAMLEmitter.emit(document(scenario))
    }

    /// The scenario as JSON.
    public static func json(_ scenario: Scenario) -> String {
        JSONText.render(document(scenario)) + "\n"
    }

    /// The scenario as a JSON value (the `scenario` recorded with results).
    public static func jsonValue(_ scenario: Scenario) -> JSONValue {
        jsonValue(document(scenario))
    }

    private static func jsonValue(_ node: DocumentNode) -> JSONValue {
        switch node.value {
        case .null: .null
        case let .bool(flag): .bool(flag)
        case let .integer(integer): .int(integer)
        case let .number(number): .number(number)
        case let .string(text): .string(text)
        case let .list(items): .array(items.map(jsonValue))
        case let .table(entries): .object(entries.map { ($0.key, jsonValue($0.node)) })
        }
    }

    /// The scenario as a document tree.
    public static func document(_ scenario: Scenario) -> DocumentNode {
        table([
            ("schema_version", .integer(scenario.schemaVersion)),
            ("name", .string(scenario.name)),
            ("description", .string(scenario.description)),
            ("currency", .string(scenario.currency)),
            ("horizon_years", .integer(scenario.horizonYears)),
            ("trials", .integer(scenario.trials)),
            ("seed", scenario.seed <= UInt64(Int.max) ? .integer(Int(scenario.seed)) : .number(Double(scenario.seed))),
            ("pool", pool(scenario.pool)),
            ("compensation", compensation(scenario.compensation)),
            ("default_model", defaultModel(scenario.defaultModel)),
            ("banks", .list(scenario.banks.map(bank))),
            ("loan_tape", scenario.loanTape.map(DocumentNode.Value.string) ?? .null),
            ("stresses", .list(scenario.stresses.map(stress))),
        ])
    }

    private static let nowhere = SourceLocation(file: "")

    private static func node(_ value: DocumentNode.Value) -> DocumentNode { DocumentNode(value, at: nowhere) }

    private static func table(_ pairs: [(String, DocumentNode.Value)]) -> DocumentNode {
        node(.table(pairs.map { DocumentEntry(key: $0.0, keyLocation: nowhere, node: node($0.1)) }))
    }

    private static func tableValue(_ pairs: [(String, DocumentNode.Value)]) -> DocumentNode.Value { table(pairs).value }

    private static func optional(_ value: Double?) -> DocumentNode.Value { value.map(DocumentNode.Value.number) ?? .null }

    private static func numbers(_ values: [Double]) -> DocumentNode.Value { .list(values.map { node(.number($0)) }) }

    private static func sortedMap(_ map: [String: Double]) -> DocumentNode.Value {
        tableValue(map.keys.sorted().map { ($0, .number(map[$0]!)) })
    }

    private static func pool(_ pool: PoolSettings) -> DocumentNode.Value {
        let replenishment = pool.replenishment
        return tableValue([
            ("initial_balance", .number(pool.initialBalance)),
            ("interest_rate", .number(pool.interestRate)),
            ("shortfall", .string(pool.shortfall.rawValue)),
            ("replenishment", tableValue([
                ("mode", .string(replenishment.mode.rawValue)),
                ("amount", .number(replenishment.amount)),
                ("schedule", replenishment.schedule.map(numbers) ?? .null),
                ("target", optional(replenishment.target)),
                ("annual_budget", .number(replenishment.annualBudget)),
            ])),
            ("leverage_cap", optional(pool.leverageCap)),
            ("suspend_below", optional(pool.suspendBelow)),
        ])
    }

    private static func compensation(_ settings: CompensationSettings) -> DocumentNode.Value {
        let bands = settings.nplBands.map { bands in
            DocumentNode.Value.list(bands.map {
                table([("from", .number($0.from)), ("to", .number($0.to)), ("ratio", .number($0.ratio))])
            })
        }
        return tableValue([
            ("basis", .string(settings.basis.rawValue)),
            ("ratio", .number(settings.ratio)),
            ("ratio_by_type", sortedMap(settings.ratioByType)),
            ("per_loan_cap", optional(settings.perLoanCap)),
            ("per_bank_annual_cap", optional(settings.perBankAnnualCap)),
            ("npl_bands", bands ?? .null),
            ("recovery_lag_years", .integer(settings.recoveryLagYears)),
            ("suspend_npl_above", optional(settings.suspendNPLAbove)),
            ("suspension_years", .integer(settings.suspensionYears)),
        ])
    }

    private static func defaultModel(_ model: DefaultModel) -> DocumentNode.Value {
        tableValue([
            ("copula", .string(model.copula.rawValue)),
            ("rho_global", .number(model.rhoGlobal)),
            ("rho_sector", .number(model.rhoSector)),
            ("rho_bank", .number(model.rhoBank)),
            ("global_persistence", .number(model.globalPersistence)),
            ("t_dof", .number(model.tDegreesOfFreedom)),
            ("sector_variance", sortedMap(model.sectorVariance)),
            ("pd_multiplier", model.pdMultiplier.count == 1 ? .number(model.pdMultiplier[0]) : numbers(model.pdMultiplier)),
            ("lgd_add", .number(model.lgdAdd)),
        ])
    }

    private static func bank(_ bank: Bank) -> DocumentNode {
        table([
            ("id", .string(bank.id)),
            ("name", .string(bank.name)),
            ("segments", .list(bank.segments.map(segment))),
        ])
    }

    private static func segment(_ segment: Segment) -> DocumentNode {
        let amount: DocumentNode.Value
        switch segment.amount {
        case let .fixed(value): amount = .number(value)
        case let .lognormal(median, sigma, maximum):
            amount = tableValue([("distribution", .string("lognormal")), ("median", .number(median)),
                                 ("sigma", .number(sigma)), ("max", optional(maximum))])
        }
        return table([
            ("name", .string(segment.name)),
            ("type", .string(segment.type)),
            ("sector", .string(segment.sector)),
            ("loans_per_year", .number(segment.loansPerYear)),
            ("growth", .number(segment.growth)),
            ("amount", amount),
            ("term_years", .integer(segment.termYears)),
            ("pd", .number(segment.pd)),
            ("lgd", tableValue([("mean", .number(segment.lgd.mean)), ("sd", .number(segment.lgd.sd))])),
        ])
    }

    private static func stress(_ stress: Stress) -> DocumentNode {
        let settings = stress.settings.map { setting -> DocumentEntry in
            let value = (try? YAMLReader.readValue(setting.value, location: nowhere).get()) ?? node(.string(setting.value))
            return DocumentEntry(key: setting.path, keyLocation: nowhere, node: value)
        }
        return table([("name", .string(stress.name)), ("set", .table(settings))])
    }
}

/// Block-style YAML for a document tree; small tables and lists of scalars
/// go on one line in flow style.
enum YAMLEmitter {
    static func emit(_ root: DocumentNode) -> String {
        guard case let .table(entries) = root.value else { return FlowText.render(root) + "\n" }
        var lines: [String] = []
        emitEntries(entries, indent: "", into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func isFlow(_ node: DocumentNode) -> Bool {
        switch node.value {
        case let .list(items): return items.allSatisfy(\.isScalar)
        case let .table(entries): return entries.isEmpty || (entries.count <= 4 && entries.allSatisfy(\.node.isScalar))
        default: return true
        }
    }

    private static func emitEntries(_ entries: [DocumentEntry], indent: String, into lines: inout [String]) {
        for entry in entries {
            let key = YAMLText.scalar(entry.key)
            if isFlow(entry.node) {
                lines.append("\(indent)\(key): \(FlowText.render(entry.node))")
                continue
            }
            lines.append("\(indent)\(key):")
            switch entry.node.value {
            case let .table(children):
                emitEntries(children, indent: indent + "  ", into: &lines)
            case let .list(items):
                emitItems(items, indent: indent + "  ", into: &lines)
            default:
                break
            }
        }
    }

    private static func emitItems(_ items: [DocumentNode], indent: String, into lines: inout [String]) {
        for item in items {
            guard case let .table(entries) = item.value, !entries.isEmpty else {
                lines.append("\(indent)- \(FlowText.render(item))")
                continue
            }
            var itemLines: [String] = []
            emitEntries(entries, indent: indent + "  ", into: &itemLines)
            itemLines[0] = indent + "- " + itemLines[0].dropFirst(indent.count + 2)
            lines.append(contentsOf: itemLines)
        }
    }
}

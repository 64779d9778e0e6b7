import Foundation
import PoolSimCore
import PoolSimText

/// Turns a document tree into a validated `Scenario`, reporting every problem
/// it finds; returns nil if there was any error.
enum ScenarioDecoder {
    /// The most loans segments may expand into over the horizon.
    static let maximumExpandedLoans = 10_000_000.0

    static func decode(_ root: DocumentNode, file: String, log: DiagnosticLog) -> Scenario? {
        let top = Located(node: root, at: root.location, path: "", log: log)
        guard case .table = root.value else {
            log.error(.scenarioNotTable, nested: ["got": root.got], at: root.location)
            return nil
        }
        guard let reader = top.table(ScenarioSchema.root) else { return nil }

        let schemaVersion = reader.integer("schema_version")
        let name = reader.string("name")
        let description = reader.string("description")
        let currency = reader.string("currency")
        let horizon = reader.integer("horizon_years")
        let trials = reader.integer("trials")
        let seed = reader.integer("seed")
        let pool = reader.table("pool").flatMap { decodePool($0, horizon: horizon) }
        let compensation = reader.table("compensation").flatMap(decodeCompensation)
        let defaultModel = reader.table("default_model").flatMap { decodeDefaultModel($0, horizon: horizon) }
        let banks = decodeBanks(reader, horizon: horizon)
        let loanTape = reader.string("loan_tape")
        let stresses = decodeStresses(reader, root: root)

        guard !log.hasErrors, let schemaVersion, let name, let description, let currency, let horizon,
              let trials, let seed, let pool, let compensation, let defaultModel, let banks, let stresses
        else { return nil }
        return Scenario(
            schemaVersion: schemaVersion, name: name, description: description, currency: currency,
            horizonYears: horizon, trials: trials, seed: UInt64(seed), pool: pool, compensation: compensation,
            defaultModel: defaultModel, banks: banks, loanTape: loanTape, stresses: stresses)
    }

    // MARK: Pool

    private static func decodePool(_ reader: TableReader, horizon: Int?) -> PoolSettings? {
        let initialBalance = reader.number("initial_balance")
        let interestRate = reader.number("interest_rate")
        let shortfall = reader.choice("shortfall").flatMap(ShortfallRule.init(rawValue:))
        let leverageCap = reader.number("leverage_cap")
        let suspendBelow = reader.number("suspend_below")
        let replenishment = reader.table("replenishment").flatMap { decodeReplenishment($0, horizon: horizon) }
        guard let initialBalance, let interestRate, let shortfall, let replenishment else { return nil }
        return PoolSettings(initialBalance: initialBalance, interestRate: interestRate, shortfall: shortfall,
                            replenishment: replenishment, leverageCap: leverageCap, suspendBelow: suspendBelow)
    }

    private static func decodeReplenishment(_ reader: TableReader, horizon: Int?) -> Replenishment? {
        let mode = reader.choice("mode").flatMap(ReplenishmentMode.init(rawValue:))
        let amount = reader.number("amount")
        let schedule = reader.numbers("schedule")
        let target = reader.number("target")
        let annualBudget = reader.number("annual_budget")
        if let schedule, let horizon, schedule.count > horizon, let value = reader.value("schedule") {
            reader.log.error(.scheduleTooLong, ["horizon": String(horizon), "count": String(schedule.count)],
                             at: value.at, path: value.path)
        }
        guard let mode, let amount, let annualBudget else { return nil }
        let at = reader.located.at
        // Keys left at their defaults (as `validate --print` writes them) are not worth a warning.
        if mode != .fixed, amount != 0 || schedule != nil {
            reader.log.warning(.amountScheduleUnused, at: at, path: reader.path)
        }
        if mode != .restore, target != nil || annualBudget != 0 {
            reader.log.warning(.targetBudgetUnused, at: at, path: reader.path)
        }
        if mode == .fixed, schedule != nil, amount != 0 {
            reader.log.warning(.amountIgnoredWithSchedule, at: at, path: reader.path)
        }
        if mode == .restore, annualBudget == 0 {
            reader.log.warning(.restoreBudgetZero, at: at, path: reader.path)
        }
        return Replenishment(mode: mode, amount: amount, schedule: schedule, target: target, annualBudget: annualBudget)
    }

    // MARK: Compensation

    private static func decodeCompensation(_ reader: TableReader) -> CompensationSettings? {
        let basis = reader.choice("basis").flatMap(ClaimBasis.init(rawValue:))
        let ratio = reader.number("ratio")
        let ratioByType = reader.numberMap("ratio_by_type")
        let perLoanCap = reader.number("per_loan_cap")
        let perBankAnnualCap = reader.number("per_bank_annual_cap")
        let recoveryLag = reader.integer("recovery_lag_years")
        let suspendNPLAbove = reader.number("suspend_npl_above")
        let suspensionYears = reader.integer("suspension_years")
        var bands: [NPLBand]?
        var bandsValid = true
        if let (items, element) = reader.list("npl_bands"), let schema = element.table {
            var decoded: [NPLBand] = []
            for item in items {
                guard let band = item.table(schema) else {
                    bandsValid = false
                    continue
                }
                let from = band.number("from"), to = band.number("to"), bandRatio = band.number("ratio")
                guard let from, let to else {
                    bandsValid = false
                    continue
                }
                if from >= to {
                    reader.log.error(.bandFromNotBelowTo, ["from": NumberText.format(from), "to": NumberText.format(to)],
                                     at: item.at, path: item.path)
                    bandsValid = false
                } else if let previous = decoded.last, from < previous.to {
                    reader.log.error(.bandsOverlap, ["from": NumberText.format(from), "previous": NumberText.format(previous.to)],
                                     at: item.at, path: item.path)
                    bandsValid = false
                }
                if let bandRatio { decoded.append(NPLBand(from: from, to: to, ratio: bandRatio)) } else { bandsValid = false }
            }
            bands = decoded
        }
        guard bandsValid, let basis, let ratio, let ratioByType, let recoveryLag, let suspensionYears else { return nil }
        return CompensationSettings(
            basis: basis, ratio: ratio, ratioByType: ratioByType, perLoanCap: perLoanCap,
            perBankAnnualCap: perBankAnnualCap, nplBands: bands, recoveryLagYears: recoveryLag,
            suspendNPLAbove: suspendNPLAbove, suspensionYears: suspensionYears)
    }

    // MARK: Default model

    private static func decodeDefaultModel(_ reader: TableReader, horizon: Int?) -> DefaultModel? {
        let copula = reader.choice("copula").flatMap(Copula.init(rawValue:))
        let rhoGlobal = reader.number("rho_global")
        let rhoSector = reader.number("rho_sector")
        let rhoBank = reader.number("rho_bank")
        let persistence = reader.number("global_persistence")
        let tDegrees = reader.number("t_dof")
        let sectorVariance = reader.numberMap("sector_variance")
        let lgdAdd = reader.number("lgd_add")
        if let rhoGlobal, let rhoSector, let rhoBank, rhoGlobal + rhoSector + rhoBank >= 1 {
            reader.log.error(.rhoSumTooLarge, ["sum": NumberText.format(rhoGlobal + rhoSector + rhoBank)],
                             at: reader.located.at, path: reader.path, hint: .diagnostic(.idiosyncraticWeight))
        }
        var multiplier: [Double]?
        if let value = reader.value("pd_multiplier") {
            switch value.node.value {
            case .list:
                if let items = value.list(minimumCount: 1) {
                    let values = items.map { $0.number(.nonNegative) }
                    if !values.contains(nil) { multiplier = values.compactMap { $0 } }
                    if let horizon, items.count != horizon, items.count > 0 {
                        reader.log.error(.pdMultiplierCount, ["horizon": String(horizon), "count": String(items.count)],
                                         at: value.at, path: value.path, hint: .diagnostic(.singleMultiplier))
                        multiplier = nil
                    }
                }
            case .integer, .number:
                multiplier = value.number(.nonNegative).map { [$0] }
            default:
                value.fail(expected: .typeNumberOrList)
            }
        }
        guard let copula, let rhoGlobal, let rhoSector, let rhoBank, let persistence, let tDegrees,
              let sectorVariance, let multiplier, let lgdAdd else { return nil }
        return DefaultModel(copula: copula, rhoGlobal: rhoGlobal, rhoSector: rhoSector, rhoBank: rhoBank,
                            globalPersistence: persistence, tDegreesOfFreedom: tDegrees, sectorVariance: sectorVariance,
                            pdMultiplier: multiplier, lgdAdd: lgdAdd)
    }

    // MARK: Banks

    private static func decodeBanks(_ reader: TableReader, horizon: Int?) -> [Bank]? {
        guard let (items, _) = reader.list("banks") else { return nil }
        var banks: [Bank] = []
        var valid = true
        var firstSeen: [String: SourceLocation] = [:]
        var expandedLoans = 0.0
        for item in items {
            guard let bankReader = item.table(ScenarioSchema.bank) else {
                valid = false
                continue
            }
            let id = bankReader.string("id")
            if let id, let idValue = bankReader.value("id") {
                if let first = firstSeen[id] {
                    reader.log.error(.duplicateBankID, ["id": id], at: idValue.at, path: idValue.path,
                                     hint: .diagnostic(.firstUsedAt, ["name": id, "location": first.rendered]))
                } else {
                    firstSeen[id] = idValue.at
                }
            }
            let name = bankReader.has("name") ? bankReader.string("name") : id
            var segments: [Segment] = []
            var segmentNames: [String: SourceLocation] = [:]
            var segmentsValid = true
            if let (segmentItems, _) = bankReader.list("segments") {
                for segmentItem in segmentItems {
                    guard let segmentReader = segmentItem.table(ScenarioSchema.segment) else {
                        segmentsValid = false
                        continue
                    }
                    if let name = segmentReader.string("name"), let nameValue = segmentReader.value("name") {
                        if let first = segmentNames[name] {
                            reader.log.error(.duplicateSegmentName, ["name": name, "bank": id ?? "?"],
                                             at: nameValue.at, path: nameValue.path,
                                             hint: .diagnostic(.firstUsedAt, ["name": name, "location": first.rendered]))
                        } else {
                            segmentNames[name] = nameValue.at
                        }
                    }
                    guard let segment = decodeSegment(segmentReader) else {
                        segmentsValid = false
                        continue
                    }
                    if let horizon {
                        for year in 1...horizon {
                            expandedLoans += (segment.loansPerYear * pow(1 + segment.growth, Double(year - 1))).rounded()
                        }
                    }
                    segments.append(segment)
                }
            } else {
                segmentsValid = false
            }
            guard let id, let name, segmentsValid else {
                valid = false
                continue
            }
            banks.append(Bank(id: id, name: name, segments: segments))
        }
        if expandedLoans > maximumExpandedLoans, let value = reader.value("banks") {
            reader.log.error(.tooManyLoans, ["count": NumberText.format(expandedLoans),
                                             "most": NumberText.format(maximumExpandedLoans)],
                             at: value.at, path: value.path, hint: .diagnostic(.lowerLoans))
            valid = false
        }
        return valid ? banks : nil
    }

    /// Decodes a segment; its name is checked by the caller.
    private static func decodeSegment(_ reader: TableReader) -> Segment? {
        let name = reader.has("name") ? reader.value("name")?.node.scalarText : nil
        let type = reader.string("type")
        let sector = reader.string("sector")
        let loansPerYear = reader.number("loans_per_year")
        let growth = reader.number("growth")
        let termYears = reader.integer("term_years")
        let pd = reader.number("pd")
        let amount = reader.value("amount").flatMap(decodeAmount)
        let lgd = reader.value("lgd").flatMap(decodeLGD)
        guard let name, let type, let sector, let loansPerYear, let growth, let termYears, let pd, let amount, let lgd
        else { return nil }
        return Segment(name: name, type: type, sector: sector, loansPerYear: loansPerYear, growth: growth,
                       amount: amount, termYears: termYears, pd: pd, lgd: lgd)
    }

    private static func decodeAmount(_ value: Located) -> LoanAmount? {
        switch value.node.value {
        case .integer, .number:
            return value.number(.positiveMoney).map(LoanAmount.fixed)
        case .table:
            guard let reader = value.table(ScenarioSchema.lognormalAmount) else { return nil }
            _ = reader.choice("distribution")
            let median = reader.number("median")
            let sigma = reader.number("sigma")
            let maximum = reader.number("max")
            guard let median, let sigma else { return nil }
            return .lognormal(median: median, sigma: sigma, max: maximum)
        default:
            value.fail(expected: .typeNumberOrTable, ["fields": "{distribution, median, sigma, max}"])
            return nil
        }
    }

    private static func decodeLGD(_ value: Located) -> LGDSpec? {
        switch value.node.value {
        case .integer, .number:
            return value.number(.unit).map { LGDSpec(mean: $0) }
        case .table:
            guard let reader = value.table(ScenarioSchema.lgd), let mean = reader.number("mean"),
                  let sd = reader.number("sd") else { return nil }
            if let problem = betaProblem(mean: mean, sd: sd), let sdValue = reader.value("sd") {
                value.log.error(problem, at: sdValue.at, path: sdValue.path, hint: .diagnostic(.betaLimit))
                return nil
            }
            return LGDSpec(mean: mean, sd: sd)
        default:
            value.fail(expected: .typeNumberOrTable, ["fields": "{mean, sd}"])
            return nil
        }
    }

    /// Why a Beta LGD with this mean and sd cannot exist, if it cannot.
    static func betaProblem(mean: Double, sd: Double) -> Message? {
        guard sd > 0, sd * sd >= mean * (1 - mean) else { return nil }
        let limit = (mean * (1 - mean)).squareRoot()
        let shownLimit = (limit * 10_000).rounded(.down) / 10_000
        return .diagnostic(.lgdSDTooLarge, ["limit": NumberText.format(shownLimit), "mean": NumberText.format(mean),
                                            "sd": NumberText.format(sd)])
    }

    // MARK: Stresses

    private static func decodeStresses(_ reader: TableReader, root: DocumentNode) -> [Stress]? {
        guard let (items, _) = reader.list("stresses") else { return nil }
        var stresses: [Stress] = []
        var valid = true
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let stressReader = item.table(ScenarioSchema.stress), let name = stressReader.string("name"),
                  let set = stressReader.value("set"), let entries = set.map() else {
                valid = false
                continue
            }
            if let first = seen[name], let nameValue = stressReader.value("name") {
                reader.log.error(.duplicateStressName, ["name": name], at: nameValue.at, path: nameValue.path,
                                 hint: .diagnostic(.firstUsedAt, ["name": name, "location": first.rendered]))
                valid = false
            } else {
                seen[name] = item.at
            }
            var settings: [Stress.Setting] = []
            for (path, value) in entries {
                if let problem = Overrides.check(path, in: root) {
                    reader.log.error(problem.message, at: value.at, path: value.path, hint: problem.hint)
                    valid = false
                }
                settings.append(Stress.Setting(path: path, value: FlowText.render(value.node)))
            }
            stresses.append(Stress(name: name, settings: settings))
        }
        return valid ? stresses : nil
    }
}

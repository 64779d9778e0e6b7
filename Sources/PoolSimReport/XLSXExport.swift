import Foundation
import PoolSimCore
import PoolSimText
import ZIPFoundation

/// The results workbook (Office Open XML, SpreadsheetML): the tables of
/// results.json as sheets, plus the scenario as run and the run's metadata.
///
/// Numbers are stored as numbers with every digit of their shortest
/// round-trip form, so a cell holds exactly the double in results.json; the
/// display format (thousands separators, percent) only changes how it looks.
public enum XLSXExport {
    /// Excel's row limit, header included.
    public static let maximumRows = 1_048_576

    /// results.xlsx in `language`: sheet names, headers, labels and notes in
    /// that language; the numbers, in yuan, are the same in every language.
    public static func workbook(_ results: RunResults, trials: TrialTable?, language: Language) throws(OutputError) -> Data {
        try workbook(results, trials: trials, rowLimit: maximumRows, language: language)
    }

    /// The workbook with at most `rowLimit` rows (header included) in the Trials sheet.
    static func workbook(_ results: RunResults, trials: TrialTable?, rowLimit: Int,
                         language: Language = .en) throws(OutputError) -> Data {
        let (metadata, statistics) = (results.metadata, results.statistics)
        let words = WorkbookWords(language)
        var sheets = [summarySheet(statistics.summary, words), byYearSheet(statistics.byYear, words),
                      byBankSheet(statistics.byBank, words), poolSizeSheet(statistics.poolSize, words),
                      inputsSheet(results, words)]
        var trialsNote: String?
        var trialsSheet: Sheet?
        if let trials {
            let (sheet, note) = Self.trialsSheet(trials, rowLimit: rowLimit, words)
            trialsSheet = sheet
            trialsNote = note
        }
        sheets.append(metadataSheet(metadata, trialsNote: trialsNote, words))
        if let trialsSheet { sheets.append(trialsSheet) }
        return try package(sheets, title: words[.documentTitle, ["title": metadata.scenarioName]],
                           toolVersion: metadata.toolVersion, createdAt: metadata.createdAt)
    }

    // MARK: Sheets

    /// A workbook of plain tables (an analysis's CSV tables), one sheet each:
    /// the first row is the bold, frozen header; cells that read as numbers are
    /// stored as numbers. `title` names the analysis's subject and kind
    /// ("hebei-2022 size"); in Chinese the kind is named in Chinese.
    public static func workbook(tables: [AnalysisTable], title: String, language: Language) throws(OutputError) -> Data {
        let shown = tables.map { $0.sheet(language) }
        let sheets = shown.map { table -> Sheet in
            var sheet = Sheet(name: table.name, columns: (table.rows.first ?? []).map { Column($0, width: 10) })
            sheet.rows = table.rows.dropFirst().map { row in
                row.map { text -> Cell in
                    if let number = Double(text), number.isFinite { return .number(number, .general) }
                    return text.isEmpty ? .empty : .text(text)
                }
            }
            return sheet
        }
        var subject = title
        if tables.count == 1, shown[0].name != tables[0].name, title.hasSuffix(" " + tables[0].name) {
            subject = title.dropLast(tables[0].name.count) + shown[0].name
        }
        // Analysis workbooks name no version or creation time.
        return try package(sheets, title: WorkbookText.documentTitle.text(language, ["title": subject]), toolVersion: "",
                           createdAt: nil)
    }

    /// Header cells for a statistic's columns; the row's `unit` column says in what.
    static func statHeader(_ words: WorkbookWords) -> [Column] {
        ([words[.statMean], words[.statSD], words[.statMCSE], words[.statMin], words[.statMax]]
            + Percentile.allCases.map(words.percentile)).map { Column($0, width: 13) }
    }

    /// A statistic as cells in `statHeader` order, styled for `unit`.
    static func statCells(_ stat: Stat, style: CellStyle) -> [Cell] {
        ([stat.mean, stat.sd, stat.mcse, stat.min, stat.max] + Percentile.allCases.map(stat.percentile))
            .map { Cell($0, style: style) }
    }

    /// A probability's estimate and 95% interval as cells.
    static func probabilityCells(_ p: ProbabilityEstimate) -> [Cell] {
        [p.estimate, p.low, p.high].map { Cell($0, style: .probability) }
    }

    /// The unit of a recorded quantity: counts for defaults, yuan for everything else.
    static func unit(isCount: Bool, _ words: WorkbookWords) -> (name: Cell, style: CellStyle) {
        isCount ? (.text(words[.unitCount]), .general) : (.text(words[.unitYuan]), .yuan)
    }

    static func summarySheet(_ summary: RunSummary, _ words: WorkbookWords) -> Sheet {
        var sheet = Sheet(name: words[.sheetSummary], columns: [
            Column(words[.columnQuantity], width: 34), Column(words[.columnUnit], width: 12),
        ] + statHeader(words))
        sheet.selected = true
        let probability = Cell.text(words[.unitProbability])
        let yuan = Cell.text(words[.unitYuan])

        for quantity in TotalQuantity.allCases {
            let (unitName, style) = unit(isCount: quantity == .defaults, words)
            sheet.rows.append([.text(words[WorkbookWords.total(quantity)]), unitName]
                + statCells(summary.total(quantity), style: style))
        }

        sheet.rows.append([])
        sheet.rows.append([words[.headerProbabilityOfExhaustion], words[.columnUnit], words[.statEstimate],
                           words[.statCILow], words[.statCIHigh]].map(Cell.header))
        sheet.rows.append([.text(words[.rowPExhaustion]), probability] + probabilityCells(summary.pExhaustion))
        for (index, p) in summary.pExhaustionByYear.enumerated() {
            sheet.rows.append([.text(words[.rowPExhaustionByYear, ["year": String(index + 1)]]), probability]
                + probabilityCells(p))
        }

        sheet.rows.append([])
        sheet.rows.append([words[.headerClaimsTail], words[.columnUnit], "95%", "99%", "99.5%"].map(Cell.header))
        sheet.rows.append([.text(words[.rowClaimsVaR]), yuan]
            + TailLevel.allCases.map { Cell(summary.valueAtRisk($0), style: .yuan) })
        sheet.rows.append([.text(words[.rowClaimsES]), yuan]
            + TailLevel.allCases.map { Cell(summary.expectedShortfall($0), style: .yuan) })
        return sheet
    }

    static func byYearSheet(_ byYear: [RunStatistics.YearStats], _ words: WorkbookWords) -> Sheet {
        var sheet = Sheet(name: words[.sheetByYear], columns: [
            Column(words[.columnYear], width: 6), Column(words[.columnQuantity], width: 17), Column(words[.columnUnit], width: 7),
        ] + statHeader(words))
        for year in byYear {
            for quantity in YearQuantity.allCases {
                let (unitName, style) = unit(isCount: quantity == .defaults, words)
                sheet.rows.append([Cell(Double(year.year)), .text(words[WorkbookWords.year(quantity)]), unitName]
                    + statCells(year.stat(quantity), style: style))
            }
        }
        return sheet
    }

    static func byBankSheet(_ byBank: [RunStatistics.BankStats], _ words: WorkbookWords) -> Sheet {
        var sheet = Sheet(name: words[.sheetByBank], columns: [
            Column(words[.columnBank], width: 16), Column(words[.columnBankName], width: 40),
            Column(words[.columnQuantity], width: 22), Column(words[.columnUnit], width: 7),
        ] + statHeader(words))
        for bank in byBank {
            let names: [Cell] = [.text(bank.id), .text(bank.name)]
            for quantity in BankQuantity.allCases {
                let (unitName, style) = unit(isCount: quantity == .defaults, words)
                sheet.rows.append(names + [.text(words[WorkbookWords.bank(quantity)]), unitName]
                    + statCells(bank.stat(quantity), style: style))
            }
            // A single number (a conditional mean): the mean column.
            sheet.rows.append(names + [.text(words[.quantityTailContribution]), .text(words[.unitYuan]),
                                       Cell(bank.tailContribution99, style: .yuan)])
        }
        sheet.footnote = words[.footnoteTailContribution]
        return sheet
    }

    static func poolSizeSheet(_ poolSize: RunStatistics.PoolSize, _ words: WorkbookWords) -> Sheet {
        var sheet = Sheet(name: words[.sheetPoolSize], columns: [
            Column(words[.columnCurveInitialBalance], width: 22), Column(words[.columnCurvePExhaustion], width: 24),
            Column("", width: 4),
            Column(words[.columnRuinProbability], width: 20), Column(words[.columnInitialBalanceNeeded], width: 24),
        ])
        let curve = poolSize.curve
        let required = poolSize.required
        for i in 0..<max(curve.count, required.count, poolSize.available ? 0 : 1) {
            var row: [Cell] = [.empty, .empty, .empty]
            if curve.indices.contains(i) {
                row[0] = Cell(curve[i].initialBalance, style: .yuan)
                row[1] = Cell(curve[i].pExhaustion, style: .probability)
            }
            if required.indices.contains(i) {
                row += [Cell(required[i].ruinProbability, style: .probability),
                        Cell(required[i].initialBalance, style: .yuan)]
            } else if i == 0 && !poolSize.available {
                row += [.text(words[.poolSizeNotAvailable])]
            }
            sheet.rows.append(row)
        }
        return sheet
    }

    static func inputsSheet(_ results: RunResults, _ words: WorkbookWords) -> Sheet {
        var sheet = Sheet(name: words[.sheetInputs], columns: [
            Column(words[.columnKeyPath], width: 44), Column(words[.columnValue], width: 60),
        ])
        let overrides = results.metadata.overrides
        sheet.rows.append([.text(words[.rowRunOverrides]),
                           .text(overrides.isEmpty ? words.none : overrides.joined(separator: "; "))])
        sheet.rows.append([.text(words[.rowRunStress]), .text(results.metadata.stress ?? words.none)])
        guard let scenario = results.scenario else {
            sheet.rows.append([.text(words[.rowScenario]), .text(words[.scenarioNotRecorded])])
            return sheet
        }
        for (path, value) in flatten(scenario.document, path: "") {
            sheet.rows.append([.text(path), Cell(value)])
        }
        return sheet
    }

    /// Every key of the metadata as results.json writes it, after its schema version.
    static func metadataSheet(_ metadata: RunMetadata, trialsNote: String?, _ words: WorkbookWords) -> Sheet {
        var sheet = Sheet(name: words[.sheetMetadata], columns: [
            Column(words[.columnKey], width: 22), Column(words[.columnValue], width: 68),
        ])
        sheet.rows.append([.text(words.metadataKey("schema_version")), Cell(Double(RunResults.schemaVersion))])
        for (key, value) in fields(of: metadata) {
            let name = Cell.text(words.metadataKey(key))
            switch value {
            case let .array(items):
                sheet.rows.append([name, .text(items.isEmpty ? words.none : items.map(CSVExport.cell).joined(separator: "; "))])
            case .null:
                sheet.rows.append([name, .text(words.none)])
            case let .string(text) where key == "stop_reason":
                sheet.rows.append([name, .text(words.stopReason(text))])
            default:
                sheet.rows.append([name, Cell(value)])
            }
        }
        if let trialsNote { sheet.rows.append([.text(words.metadataKey("trials_sheet")), .text(trialsNote)]) }
        return sheet
    }

    /// The Trials sheet and, when Excel's row limit cut it, a note saying so.
    static func trialsSheet(_ table: TrialTable, rowLimit: Int, _ words: WorkbookWords) -> (Sheet, String?) {
        let records = table.records
        // The columns of trials.csv, titled for people.
        var columns = [Column(words[.columnTrial], width: 14), Column(words[.columnExhaustionYear], width: 14)]
        for quantity in TotalQuantity.allCases {
            columns.append(quantity == .defaults
                ? Column(words[.columnDefaultsTotal], width: 14)
                : Column(words[.columnAmount, ["name": words[WorkbookWords.total(quantity)]]], width: 18))
        }
        columns.append(Column(words[.columnAmount, ["name": words[.quantityRequiredPool]]], width: 18))
        for id in table.bankIDs {
            columns.append(Column(words[.columnAmount, ["name": words[.quantityBankClaims, ["bank": id]]]], width: 18))
        }
        if records.weighted { columns.append(Column(words[.columnWeight], width: 18)) }

        let shown = min(records.count, rowLimit - 1)
        let note: String? = shown < records.count
            ? words[.trialsNote, ["shown": NumberFormat.count(Double(shown)), "total": NumberFormat.count(Double(records.count)),
                                  "rows": NumberFormat.count(Double(rowLimit))]]
            : nil
        var sheet = Sheet(name: words[.sheetTrials], columns: columns)
        if let note { sheet.columns.append(Column(words[.trialsNoteColumn, ["note": note]], width: 40)) }
        let totals = TotalQuantity.allCases.map { records.total($0) }
        let bankClaims = table.bankIDs.indices.map { records.bank(.claims, $0) }
        let moneyStyles: [CellStyle] = TotalQuantity.allCases.map { $0 == .defaults ? .general : .yuan }
        sheet.rowCount = shown
        sheet.rowProvider = { i in
            var row: [Cell] = [.number(Double(i + 1), .general), .number(Double(records.exhaustionYear[i]), .general)]
            for (column, style) in zip(totals, moneyStyles) { row.append(.number(column[i], style)) }
            row.append(.number(records.requiredPool[i], .yuan))
            for column in bankClaims { row.append(.number(column[i], .yuan)) }
            if records.weighted { row.append(.number(records.weights[i], .general)) }
            return row
        }
        return (sheet, note)
    }

    /// The metadata's keys and values, in the order and form results.json writes them.
    static func fields(of metadata: RunMetadata) -> [(String, JSONValue)] {
        // Encoding metadata cannot fail: every value is a number, string or container.
        (try? JSONValueEncoder().encode(metadata))?.objectValue ?? []
    }

    /// Leaves of a JSON value as (key path, scalar) pairs: `banks[0].segments[1].pd`.
    static func flatten(_ value: JSONValue, path: String) -> [(String, JSONValue)] {
        switch value {
        case let .object(members):
            guard !members.isEmpty else { return [(path, .string("{}"))] }
            return members.flatMap { flatten($0.1, path: path.isEmpty ? $0.0 : path + "." + $0.0) }
        case let .array(items):
            guard !items.isEmpty else { return [(path, .string("[]"))] }
            return items.enumerated().flatMap { flatten($0.element, path: path + "[\($0.offset)]") }
        default:
            return [(path, value)]
        }
    }

    // MARK: Workbook package

    /// The workbook's parts, zipped; `title` is the document's title in its properties.
    static func package(_ sheets: [Sheet], title: String, toolVersion: String,
                        createdAt: String?) throws(OutputError) -> Data {
        var parts: [(String, [UInt8])] = []
        parts.append(("[Content_Types].xml", Array(contentTypes(sheetCount: sheets.count).utf8)))
        parts.append(("_rels/.rels", Array(packageRelationships.utf8)))
        parts.append(("docProps/app.xml", Array(appProperties.utf8)))
        parts.append(("docProps/core.xml", Array(coreProperties(title: title, toolVersion: toolVersion,
                                                                createdAt: createdAt).utf8)))
        parts.append(("xl/workbook.xml", Array(workbookPart(sheets).utf8)))
        parts.append(("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sheetCount: sheets.count).utf8)))
        parts.append(("xl/styles.xml", Array(CellStyle.stylesheet.utf8)))
        for (n, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(n + 1).xml", sheet.xml()))
        }
        return try archive(parts)
    }

    /// Every entry carries this time, so the same document gives the same bytes.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800) // 1980-01-01T00:00:00Z, the DOS epoch

    static func archive(_ parts: [(String, [UInt8])]) throws(OutputError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for (path, bytes) in parts {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: entryDate, compressionMethod: .deflate) { position, size in
                    let start = Int(position)
                    return Data(bytes[start..<min(start + size, bytes.count)])
                }
            }
            guard let data = archive.data else {
                throw OutputError(kind: .ioError, message: "cannot build the workbook: the archive holds no data")
            }
            return data
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(kind: .ioError, message: "cannot build the workbook: \(error)")
        }
    }

    static let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let spreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        let office = "application/vnd.openxmlformats-officedocument"
        var xml = xmlDeclaration
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="\#(office).spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="\#(office).spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
            + #"<Override PartName="/docProps/app.xml" ContentType="\#(office).extended-properties+xml"/>"#
        for n in 1...sheetCount {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(n).xml" ContentType="\#(office).spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    static let packageRelationships = xmlDeclaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipTypes)/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="\#(relationshipTypes)/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    static let appProperties = xmlDeclaration
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
        + "<Application>PoolSim</Application><AppVersion>\(PoolSimVersion.string)</AppVersion></Properties>"

    static func coreProperties(title: String, toolVersion: String, createdAt: String?) -> String {
        var xml = xmlDeclaration
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
            + #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
            + #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(XML.escape(title))</dc:title>"
            + "<dc:creator>PoolSim \(XML.escape(toolVersion))</dc:creator>"
        if let createdAt {
            xml += #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(XML.escape(createdAt))</dcterms:created>"#
        }
        return xml + "</cp:coreProperties>"
    }

    static func workbookPart(_ sheets: [Sheet]) -> String {
        var xml = xmlDeclaration + #"<workbook xmlns="\#(spreadsheetNamespace)" xmlns:r="\#(relationshipTypes)">"#
            + #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (n, sheet) in sheets.enumerated() {
            xml += #"<sheet name="\#(XML.escape(sheet.name))" sheetId="\#(n + 1)" r:id="rId\#(n + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = xmlDeclaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for n in 1...sheetCount {
            xml += #"<Relationship Id="rId\#(n)" Type="\#(relationshipTypes)/worksheet" Target="worksheets/sheet\#(n).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipTypes)/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }
}

// MARK: - Words

/// The workbooks' words in one language: sheet names, column titles, the
/// names of the recorded quantities and statistics, the metadata's keys.
struct WorkbookWords {
    let language: Language

    init(_ language: Language) { self.language = language }

    subscript(_ key: WorkbookText, _ arguments: [String: String] = [:]) -> String { key.text(language, arguments) }

    var none: String { CommonText.none.text(language) }

    /// A percentile's column title: "P95", "第 95 百分位数"; the median "P50", "中位数".
    func percentile(_ percentile: Percentile) -> String {
        percentile == .p50 ? self[.statMedian] : self[.statPercentile, ["level": String(percentile.name.dropFirst())]]
    }

    /// A metadata key of results.json for people; keys without a label (newer ones) as written.
    func metadataKey(_ key: String) -> String {
        key == "trials_sheet" ? self[.metaTrialsSheet] : MetadataText.label(key, language)
    }

    /// The stop reason's value for people.
    func stopReason(_ reason: String) -> String {
        switch StopReason(rawValue: reason) {
        case .completed?: self[.stopCompleted]
        case .interrupted?: self[.stopInterrupted]
        case nil: reason
        }
    }

    static func total(_ quantity: TotalQuantity) -> WorkbookText {
        switch quantity {
        case .claims: .quantityClaimsTotal
        case .paid: .quantityPaidTotal
        case .unpaid: .quantityUnpaidTotal
        case .loss: .quantityLossTotal
        case .defaults: .quantityDefaultsTotal
        case .endBalance: .quantityEndBalance
        }
    }

    static func year(_ quantity: YearQuantity) -> WorkbookText {
        switch quantity {
        case .openingBalance: .quantityOpeningBalance
        case .claims: .quantityClaims
        case .paid: .quantityPaid
        case .unpaid: .quantityUnpaid
        case .topUp: .quantityTopUp
        case .closingBalance: .quantityClosingBalance
        case .defaults: .quantityDefaults
        case .loss: .quantityLoss
        }
    }

    static func bank(_ quantity: BankQuantity) -> WorkbookText {
        switch quantity {
        case .defaults: .quantityDefaults
        case .loss: .quantityLoss
        case .claims: .quantityClaims
        case .paid: .quantityPaid
        case .unpaid: .quantityUnpaid
        }
    }

    /// A word of the analyses' CSV tables (a statistic, a quantity, a sizing
    /// method, `base`) in `language`; nil for anything else (a parameter's name).
    static func word(_ identifier: String, _ language: Language) -> String? {
        let words = WorkbookWords(language)
        if let key = analysisWords[identifier] { return words[key] }
        if let percentile = Percentile.allCases.first(where: { $0.name == identifier }) { return words.percentile(percentile) }
        let byYear = "p_exhaustion_year_"
        if identifier.hasPrefix(byYear), let year = Int(identifier.dropFirst(byYear.count)) {
            return words[.rowPExhaustionByYear, ["year": String(year)]]
        }
        if let method = SizeEstimate.Method(rawValue: identifier) { return AnalysisExport.method(method).text(language) }
        if let statistic = HeadlineStatistic(rawValue: identifier) {
            return AnalysisExport.label(statistic).text(language, ["unit": CommonText.yuan.text(language)])
        }
        return nil
    }

    /// The analyses' words with a label of their own, by identifier.
    static let analysisWords: [String: WorkbookText] = {
        var words: [String: WorkbookText] = [
            "mean": .statMean, "sd": .statSD, "mcse": .statMCSE, "min": .statMin, "max": .statMax,
            "estimate": .statEstimate, "ci_low": .statCILow, "ci_high": .statCIHigh,
            "claims_var": .analysisClaimsVaR, "claims_es": .analysisClaimsES, "base": .analysisBase,
        ]
        for quantity in TotalQuantity.allCases { words[quantity.name] = total(quantity) }
        return words
    }()
}

// MARK: - Sheet builder

/// The cell formats of the workbook, by their index in styles.xml's cellXfs.
enum CellStyle: Int {
    case general = 0, header = 1, yuan = 2, probability = 3

    /// One bold font for headers; yuan with thousands separators (built-in
    /// format 3, "#,##0"), probabilities as percent with two decimals (built-in 10).
    static let stylesheet = XLSXExport.xmlDeclaration
        + #"<styleSheet xmlns="\#(XLSXExport.spreadsheetNamespace)">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="4">"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}

/// One cell: a number (stored as a number), text, or nothing.
enum Cell: ExpressibleByStringLiteral {
    case empty
    case number(Double, CellStyle)
    case text(String)
    case header(String)

    init(stringLiteral value: String) { self = .text(value) }

    /// A number cell; empty where results.json has null (NaN, ±∞).
    init(_ value: Double, style: CellStyle = .general) {
        self = value.isFinite ? .number(value, style) : .empty
    }

    /// A cell for a JSON scalar. Integers beyond 2^53 would lose digits as a
    /// double, so they are kept as text (a seed can be that large).
    init(_ value: JSONValue?, style: CellStyle = .general) {
        switch value {
        case nil, .null?: self = .empty
        case let .bool(flag)?: self = .text(flag ? "true" : "false")
        case let .int(number)?:
            self = number.magnitude <= 1 << 53 ? .number(Double(number), style) : .text(String(number))
        case let .number(number)?: self = number.isFinite ? .number(number, style) : .empty
        case let .string(text)?: self = .text(text)
        case let value?: self = .text(value.rendered(indent: false))
        }
    }

    /// Characters a column needs to show this cell, for its width.
    var displayWidth: Int {
        switch self {
        case .empty: 0
        case let .number(value, style):
            switch style {
            case .yuan: NumberFormat.money(value).count
            case .probability: 8
            default: min(JSONValue.format(value).count, 16)
            }
        case let .text(text), let .header(text):
            // East Asian characters take two columns.
            text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        }
    }
}

struct Column {
    var title: String
    /// Least width, in characters.
    var width: Int

    init(_ title: String, width: Int) {
        self.title = title
        self.width = width
    }
}

/// A worksheet: a bold, frozen header row, then rows of cells.
struct Sheet {
    var name: String
    var columns: [Column]
    var rows: [[Cell]] = []
    /// Text in the first column after a blank row below the table.
    var footnote: String?
    /// Whether the sheet is the one shown when the workbook opens.
    var selected = false
    /// Rows produced on demand, for sheets too large to hold as cells.
    var rowCount = 0
    var rowProvider: ((Int) -> [Cell])?

    init(name: String, columns: [Column]) {
        self.name = name
        self.columns = columns
    }

    /// Widths from the titles and the first rows, between 6 and 70 characters.
    func columnWidths() -> [Int] {
        var widths = columns.map { max($0.width, min(TextTable.displayWidth($0.title) + 2, 28)) }
        let sample = rows.prefix(2000) + (0..<min(rowCount, 2000)).compactMap { rowProvider?($0) }
        for row in sample {
            for (column, cell) in row.enumerated() {
                let width = cell.displayWidth + 2
                if column < widths.count { widths[column] = max(widths[column], width) } else { widths.append(width) }
            }
        }
        return widths.map { min(max($0, 6), 70) }
    }

    func xml() -> [UInt8] {
        var out = XMLBuffer()
        out.append(XLSXExport.xmlDeclaration)
        out.append(#"<worksheet xmlns="\#(XLSXExport.spreadsheetNamespace)">"#)
        out.append(#"<sheetViews><sheetView workbookViewId="0"\#(selected ? #" tabSelected="1""# : "")>"#)
        out.append(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#)
        out.append(#"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#)
        out.append(#"<sheetFormatPr defaultRowHeight="15"/><cols>"#)
        for (n, width) in columnWidths().enumerated() {
            out.append(#"<col min="\#(n + 1)" max="\#(n + 1)" width="\#(width)" customWidth="1"/>"#)
        }
        out.append("</cols><sheetData>")
        var rowNumber = 1
        var columnNames = columns.indices.map { XLSXExport.columnName($0) }
        func write(_ cells: [Cell]) {
            let row = String(rowNumber)
            out.append(#"<row r="\#(row)">"#)
            while columnNames.count < cells.count { columnNames.append(XLSXExport.columnName(columnNames.count)) }
            for (column, cell) in cells.enumerated() {
                out.cell(cell, column: columnNames[column], row: row)
            }
            out.append("</row>")
            rowNumber += 1
        }
        write(columns.map { $0.title.isEmpty ? .empty : .header($0.title) })
        for row in rows { write(row) }
        if let rowProvider {
            for i in 0..<rowCount { write(rowProvider(i)) }
        }
        if let footnote {
            rowNumber += 1
            write([.text(footnote)])
        }
        out.append("</sheetData></worksheet>")
        return out.bytes
    }
}

extension XLSXExport {
    /// "A", "B", … "Z", "AA", …: the letters of a zero-based column index.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }
}

/// XML text as UTF-8 bytes, grown in place (a Trials sheet can reach hundreds of megabytes).
struct XMLBuffer {
    var bytes: [UInt8] = []

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// One `<c>` element; numbers in their shortest round-trip form.
    mutating func cell(_ cell: Cell, column: String, row: String) {
        switch cell {
        case .empty:
            return
        case let .number(value, style):
            guard value.isFinite else { return }
            append("<c r=\"")
            append(column)
            append(row)
            if style != .general {
                append("\" s=\"")
                append(String(style.rawValue))
            }
            append("\"><v>")
            append(JSONValue.format(value))
            append("</v></c>")
        case let .text(text), let .header(text):
            append("<c r=\"")
            append(column)
            append(row)
            if case .header = cell { append("\" s=\"1") }
            append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
            append(XML.escape(text))
            append("</t></is></c>")
        }
    }
}

/// XML 1.0 text escaping.
enum XML {
    /// Escapes markup characters and drops the control characters XML 1.0 cannot hold.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

import PoolSimCore
import PoolSimReport
import PoolSimText

/// GET /new?kind=KIND — the form of one kind of job: a scenario (bundled or
/// uploaded), the settings people change most, the kind's own fields, and the
/// full text editor with diagnostics as you type. The script builds the body
/// of `POST /api/runs` from it (WEB.md).
enum NewRunPage {
    /// A key of the form that goes into `set`, with its label and hint.
    struct SetField {
        var key: String
        var label: WebText
        var hint: WebText?
    }

    /// The keys people change most, in the order shown.
    static let numberFields: [SetField] = [
        SetField(key: "pool.initial_balance", label: .fieldInitialBalance, hint: .hintYuan),
        SetField(key: "compensation.ratio", label: .fieldRatio, hint: .hintUnitInterval),
        SetField(key: "compensation.per_loan_cap", label: .fieldPerLoanCap, hint: .hintYuan),
        SetField(key: "compensation.per_bank_annual_cap", label: .fieldPerBankCap, hint: .hintYuan),
        SetField(key: "default_model.pd_multiplier", label: .fieldPDMultiplier, hint: .hintMultiplier),
        SetField(key: "default_model.rho_global", label: .fieldRhoGlobal, hint: .hintCorrelation),
        SetField(key: "default_model.rho_sector", label: .fieldRhoSector, hint: nil),
        SetField(key: "default_model.rho_bank", label: .fieldRhoBank, hint: nil),
    ]

    /// `pool.shortfall`'s choices, as the scenario writes them.
    static let shortfallRules: [(String, WebText)] = [
        ("pro_rata", .shortfallProRata), ("defer", .shortfallDefer), ("fifo", .shortfallFifo),
    ]

    static func render(kind: JobKind, scenarios: [ScenarioEntry], language: Language) -> String {
        let text = PageText(language: language)
        var main = "<div class=\"page-head\">\n<h1>\(text.kind(kind))</h1>\n</div>\n"
        main += "<p class=\"intro\">\(text(intro(kind)))</p>\n"
        main += "<noscript><p class=\"notice warning\">\(text(.noScript))</p></noscript>\n"
        main += "<form id=\"run-form\" class=\"run-form\" data-kind=\"\(kind.rawValue)\" novalidate \(scriptTexts(text))>\n"
        main += "<div class=\"new-grid\">\n<div class=\"new-side\">\n"
        main += scenarioPanel(scenarios, text: text)
        main += settingsPanel(kind, text: text)
        main += analysisPanel(kind, scenarios: scenarios, text: text)
        main += "<div class=\"submit-bar\">\n"
        main += "<div id=\"form-error\" class=\"form-error\" role=\"alert\" hidden></div>\n"
        main += "<button type=\"submit\" id=\"submit\" class=\"button primary big\">\(text(.submit))</button>\n"
        main += "</div>\n"
        main += "</div>\n<div class=\"new-main\">\n"
        main += editorPanel(text: text)
        main += "</div>\n</div>\n</form>\n"
        return Layout.page(title: title(kind, language), section: .new(kind), language: language, main: main)
    }

    static func title(_ kind: JobKind, _ language: Language) -> String {
        switch kind {
        case .run: WebText.kindRun.text(language)
        case .size: WebText.kindSize.text(language)
        case .compare: WebText.kindCompare.text(language)
        case .sweep: WebText.kindSweep.text(language)
        case .sensitivity: WebText.kindSensitivity.text(language)
        case .replay: WebText.kindReplay.text(language)
        }
    }

    static func intro(_ kind: JobKind) -> WebText {
        switch kind {
        case .run: .introRun
        case .size: .introSize
        case .compare: .introCompare
        case .sweep: .introSweep
        case .sensitivity: .introSensitivity
        case .replay: .introReplay
        }
    }

    /// The texts the script shows, as `data-t-*` attributes of the form (templates keep their `{placeholders}`).
    static func scriptTexts(_ text: PageText) -> String {
        let keys: [(String, WebText)] = [
            ("checking", .validationChecking), ("ok", .validationOK), ("problems", .validationProblems),
            ("unavailable", .validationUnavailable), ("location", .diagnosticLocation), ("line", .diagnosticLine),
            ("error", .severityError), ("warning", .severityWarning), ("hint", .severityHint),
            ("submit", .submit), ("submitting", .submitting), ("refused", .submitRefused),
            ("unreachable", .serverUnreachable), ("load-failed", .scenarioLoadFailed), ("not-a-number", .notANumber),
            ("defaults-missing", .defaultsMissing), ("grid-missing", .gridMissing), ("file-failed", .fileReadFailed),
            ("edited", .editorEdited), ("stresses-none", .stressesNone), ("uploaded", .scenarioUploaded),
        ]
        return keys.map { "data-t-\($0.0)=\"\(text.template($0.1))\"" }.joined(separator: " ")
    }

    // MARK: Panels

    static func scenarioPanel(_ scenarios: [ScenarioEntry], text: PageText) -> String {
        var html = "<section class=\"panel\" id=\"scenario-panel\">\n<h2>\(text(.sectionScenario))</h2>\n"
        html += "<div class=\"field\">\n<label for=\"scenario-select\">\(text(.scenarioBundled))</label>\n"
        html += "<select id=\"scenario-select\"\(scenarios.isEmpty ? " disabled" : "")>\n"
        html += scenarioOptions(scenarios)
        html += "</select>\n"
        if scenarios.isEmpty { html += "<p class=\"hint\">\(text(.scenarioNoneBundled))</p>\n" }
        html += "</div>\n"
        let extensions = [".yaml", ".toml", ".json"].map(PageText.code).joined(separator: text.language == .zh ? "、" : ", ")
        html += "<div class=\"field\">\n<label for=\"scenario-file\">\(text(.scenarioUpload, ["extensions": extensions]))</label>\n"
        html += filePicker(id: "scenario-file", accept: ".yaml,.yml,.toml,.json", text: text) + "</div>\n"
        html += "<div class=\"field\">\n<label for=\"tape-file\">\(text(.tapeUpload, ["extension": PageText.code(".csv")]))</label>\n"
        html += filePicker(id: "tape-file", accept: ".csv,text/csv", text: text)
        html += "<small class=\"hint\">\(text(.tapeHint))</small>\n</div>\n"
        html += "</section>\n"
        return html
    }

    /// Each scenario as an option: its name, then its description (data, shown as written).
    static func scenarioOptions(_ scenarios: [ScenarioEntry], blank: String? = nil) -> String {
        var html = ""
        if let blank { html += "<option value=\"\">\(blank)</option>\n" }
        for scenario in scenarios {
            let label = scenario.description.isEmpty ? scenario.name : "\(scenario.name) — \(scenario.description)"
            html += "<option value=\"\(HTML.escape(scenario.name))\" translate=\"no\">\(HTML.escape(label))</option>\n"
        }
        return html
    }

    static func settingsPanel(_ kind: JobKind, text: PageText) -> String {
        let asInScenario = text.attribute(.asInScenario)
        var html = "<section class=\"panel\" id=\"settings-panel\">\n<h2>\(text(.sectionSettings))</h2>\n"
        html += "<p class=\"hint\">\(text(.settingsHint))</p>\n<div class=\"fields\">\n"
        for field in numberFields {
            html += numberField(id: "field-\(field.key)", setKey: field.key, label: text(field.label),
                                hint: field.hint.map { text($0) }, placeholder: asInScenario)
        }
        html += "<div class=\"field\">\n<label for=\"field-pool.shortfall\">\(text(.fieldShortfall))</label>\n"
        html += "<select id=\"field-pool.shortfall\" data-set-key=\"pool.shortfall\" data-word>\n"
        html += "<option value=\"\">\(text(.asInScenario))</option>\n"
        for (value, label) in shortfallRules { html += "<option value=\"\(value)\">\(text(label))</option>\n" }
        html += "</select>\n</div>\n"
        if kind != .replay {
            html += numberField(id: "field-trials", setKey: nil, label: text(.fieldTrials), hint: nil, placeholder: asInScenario,
                                mode: "numeric")
        }
        html += numberField(id: "field-seed", setKey: nil, label: text(.fieldSeed), hint: nil, placeholder: asInScenario,
                            mode: "numeric")
        if kind != .compare {
            html += "<div class=\"field\">\n<label for=\"field-stress\">\(text(.fieldStress))</label>\n"
            html += "<input type=\"text\" id=\"field-stress\" list=\"stress-names\" autocomplete=\"off\" spellcheck=\"false\" "
                + "placeholder=\"\(text.attribute(.fieldStressNone))\">\n<datalist id=\"stress-names\"></datalist>\n</div>\n"
        }
        if kind != .replay {
            html += "<div class=\"field span\">\n<label for=\"field-importance\">\(text(.fieldImportance))</label>\n"
            html += "<select id=\"field-importance\">\n<option value=\"off\">\(text(.importanceOff))</option>\n"
            html += "<option value=\"auto\">\(text(.importanceAuto))</option>\n</select>\n</div>\n"
        }
        html += "</div>\n</section>\n"
        return html
    }

    /// A file input shown as a button and the chosen file's name, in the page's language
    /// (the browser's own button speaks the browser's language).
    static func filePicker(id: String, accept: String, text: PageText) -> String {
        var html = "<div class=\"file-pick\">\n<input type=\"file\" class=\"file-input\" id=\"\(id)\" accept=\"\(accept)\">\n"
        html += "<label for=\"\(id)\" class=\"button small\" aria-hidden=\"true\">\(text(.chooseFile))</label>\n"
        html += "<span class=\"file-name\" data-file-name-for=\"\(id)\">\(text(.noFileChosen))</span>\n</div>\n"
        return html
    }

    static func numberField(id: String, setKey: String?, label: String, hint: String?, placeholder: String,
                            mode: String = "decimal") -> String {
        var html = "<div class=\"field\">\n<label for=\"\(id)\">\(label)</label>\n"
        html += "<input type=\"text\" id=\"\(id)\" inputmode=\"\(mode)\" autocomplete=\"off\" spellcheck=\"false\" "
        if let setKey { html += "data-set-key=\"\(HTML.escape(setKey))\" title=\"\(HTML.escape(setKey))\" " }
        html += "placeholder=\"\(placeholder)\">\n"
        if let hint { html += "<small class=\"hint\">\(hint)</small>\n" }
        html += "</div>\n"
        return html
    }

    /// The kind's own fields: ruin probabilities, a second scenario and stresses, a grid, parameters, defaults.
    static func analysisPanel(_ kind: JobKind, scenarios: [ScenarioEntry], text: PageText) -> String {
        var fields = ""
        switch kind {
        case .run:
            return ""
        case .size:
            fields += "<div class=\"field\">\n<label for=\"field-ruin\">\(text(.fieldRuin))</label>\n"
            fields += "<input type=\"text\" id=\"field-ruin\" value=\"0.05, 0.01\" autocomplete=\"off\" spellcheck=\"false\">\n"
            fields += "<small class=\"hint\">\(text(.hintRuin))</small>\n</div>\n"
        case .compare:
            fields += "<div class=\"field\">\n<label for=\"field-scenarios\">\(text(.fieldSecondScenario))</label>\n"
            fields += "<select id=\"field-scenarios\">\n"
            fields += scenarioOptions(scenarios, blank: text(.fieldStressNone))
            fields += "</select>\n</div>\n"
            fields += "<div class=\"field\">\n<label for=\"field-stresses\">\(text(.fieldStresses))</label>\n"
            fields += "<input type=\"text\" id=\"field-stresses\" autocomplete=\"off\" spellcheck=\"false\">\n"
            fields += "<small class=\"hint\">\(text(.hintStresses))</small>\n"
            fields += "<div class=\"choices\" id=\"stress-choices\" aria-live=\"polite\"></div>\n</div>\n"
        case .sweep:
            let example = "pool.initial_balance = 80000000, 110000000, 140000000"
            fields += "<div class=\"field\">\n<label for=\"field-grid\">\(text(.fieldGrid))</label>\n"
            fields += "<textarea id=\"field-grid\" rows=\"3\" spellcheck=\"false\" class=\"mono\" "
                + "placeholder=\"\(HTML.escape(example))\"></textarea>\n"
            fields += "<small class=\"hint\">\(text(.hintGrid, ["example": PageText.code(example)]))</small>\n</div>\n"
        case .sensitivity:
            let names = ["pd", "correlation", "lgd", "ratio", "pool"].map(PageText.code)
                .joined(separator: text.language == .zh ? "、" : ", ")
            fields += "<div class=\"field\">\n<label for=\"field-vary\">\(text(.fieldVary))</label>\n"
            fields += "<textarea id=\"field-vary\" rows=\"4\" spellcheck=\"false\" class=\"mono\" placeholder=\"pd=0.5,2\"></textarea>\n"
            fields += "<small class=\"hint\">\(text(.hintVary, ["names": names, "example": PageText.code("pd=0.5,2")]))</small>\n</div>\n"
        case .replay:
            fields += "<div class=\"field\">\n<label for=\"field-defaults\">"
            fields += text(.fieldDefaults, ["columns": PageText.code("year,loan_id,lgd[,time]")]) + "</label>\n"
            fields += "<textarea id=\"field-defaults\" rows=\"6\" spellcheck=\"false\" class=\"mono\" "
                + "placeholder=\"year,loan_id,lgd\"></textarea>\n"
            fields += "<label class=\"sub\" for=\"defaults-file\">\(text(.defaultsUpload))</label>\n"
            fields += filePicker(id: "defaults-file", accept: ".csv,text/csv", text: text) + "</div>\n"
        }
        return "<section class=\"panel\" id=\"analysis-panel\">\n<h2>\(text(.sectionAnalysis))</h2>\n\(fields)</section>\n"
    }

    static func editorPanel(text: PageText) -> String {
        var html = "<section class=\"panel editor-panel\" id=\"editor-panel\">\n<h2>\(text(.sectionEditor))</h2>\n"
        html += "<p class=\"hint\">\(text(.editorHint))</p>\n"
        html += "<div class=\"editor-bar\">\n<label for=\"editor-format\">\(text(.editorFormat))</label>\n"
        html += "<select id=\"editor-format\">\n"
        for (value, label) in [("yaml", "YAML"), ("toml", "TOML"), ("json", "JSON")] {
            html += "<option value=\"\(value)\" translate=\"no\">\(label)</option>\n"
        }
        html += "</select>\n"
        html += "<span class=\"editor-source\" id=\"editor-source\" translate=\"no\"></span>\n"
        html += "<span class=\"edited\" id=\"editor-edited\" hidden>\(text(.editorEdited))</span>\n"
        html += "<button type=\"button\" class=\"button small\" id=\"editor-reload\" hidden>\(text(.editorReload))</button>\n"
        html += "</div>\n"
        html += "<div class=\"editor\">\n<div class=\"gutter\" id=\"gutter\" aria-hidden=\"true\"></div>\n"
        html += "<textarea id=\"editor\" wrap=\"off\" spellcheck=\"false\" autocapitalize=\"off\" autocomplete=\"off\" "
            + "aria-label=\"\(text.attribute(.sectionEditor))\" aria-describedby=\"validation-status\"></textarea>\n</div>\n"
        html += "<p class=\"validation\" id=\"validation-status\" role=\"status\" aria-live=\"polite\"></p>\n"
        html += "<ul class=\"diagnostics\" id=\"diagnostics\"></ul>\n"
        html += "</section>\n"
        return html
    }
}

import PoolSimCore
import PoolSimReport
import PoolSimText

/// The texts of one page in one language, as HTML.
struct PageText {
    let language: Language

    /// The text of `key` as HTML: the template escaped, then its placeholders
    /// filled with `html` (already HTML: escaped data, `<code>` names, links).
    func callAsFunction(_ key: WebText, _ html: [String: String] = [:]) -> String {
        let template = WebText.table(language)[key] ?? WebText.table(.en)[key] ?? key.rawValue
        return Catalogue.fill(HTML.escape(template), html)
    }

    /// The text of `key` escaped for an attribute, its placeholders filled with plain text.
    func attribute(_ key: WebText, _ arguments: [String: String] = [:]) -> String {
        HTML.escape(key.text(language, arguments))
    }

    /// The raw template of `key`, escaped for an attribute: what the script fills in.
    func template(_ key: WebText) -> String {
        HTML.escape(WebText.table(language)[key] ?? WebText.table(.en)[key] ?? key.rawValue)
    }

    /// An identifier or a piece of data shown as written in either language.
    static func code(_ text: String) -> String {
        "<code translate=\"no\">\(HTML.escape(text))</code>"
    }

    func kind(_ kind: JobKind) -> String {
        switch kind {
        case .run: self(.kindRun)
        case .size: self(.kindSize)
        case .compare: self(.kindCompare)
        case .sweep: self(.kindSweep)
        case .sensitivity: self(.kindSensitivity)
        case .replay: self(.kindReplay)
        }
    }

    static func statusKey(_ status: RunStatus) -> WebText {
        switch status {
        case .queued: .statusQueued
        case .running: .statusRunning
        case .done: .statusDone
        case .failed: .statusFailed
        case .cancelled: .statusCancelled
        case .interrupted: .statusInterrupted
        }
    }

    /// A status as a word in a badge.
    func status(_ status: RunStatus) -> String {
        "<span class=\"status status-\(status.rawValue)\" data-status=\"\(status.rawValue)\">\(self(Self.statusKey(status)))</span>"
    }
}

/// The page around every page's content: head, header with the navigation and
/// the language switch, footer.
enum Layout {
    /// Which item of the navigation a page belongs to.
    enum Section: Equatable {
        case runs
        case new(JobKind)
        case none
    }

    /// A complete page. `title` is plain text; `main` is HTML.
    static func page(title: String, section: Section, language: Language, bodyClass: String = "", main: String) -> String {
        let text = PageText(language: language)
        var html = "<!doctype html>\n<html lang=\"\(language.tag)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(HTML.escape(title)) · PoolSim</title>\n"
        html += "<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/static/app.css\">\n"
        html += "<script src=\"/static/app.js\" defer></script>\n"
        html += "</head>\n<body\(bodyClass.isEmpty ? "" : " class=\"\(bodyClass)\"")>\n"
        html += "<header class=\"top\">\n<div class=\"top-inner\">\n"
        html += "<a class=\"brand\" href=\"/\"><span class=\"brand-name\" translate=\"no\">PoolSim</span>"
        html += "<span class=\"tagline\">\(text(.tagline))</span></a>\n"
        html += "<nav aria-label=\"\(text.attribute(.navigation))\">\n<ul>\n"
        let items: [(Section, String, WebText)] = [
            (.runs, "/", .navRuns), (.new(.run), "/new?kind=run", .navNewRun), (.new(.size), "/new?kind=size", .navSize),
            (.new(.compare), "/new?kind=compare", .navCompare), (.new(.sweep), "/new?kind=sweep", .navSweep),
            (.new(.sensitivity), "/new?kind=sensitivity", .navSensitivity), (.new(.replay), "/new?kind=replay", .navReplay),
        ]
        for (item, href, key) in items {
            let current = item == section ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(href)\"\(current)>\(text(key))</a></li>\n"
        }
        html += "</ul>\n</nav>\n"
        html += "<div class=\"lang-switch\" role=\"group\" aria-label=\"\(text.attribute(.languageSwitch))\">"
        html += "<button type=\"button\" id=\"lang-zh\" data-set-lang=\"zh\" lang=\"zh-CN\" aria-pressed=\"\(language == .zh)\">中文</button>"
        html += "<span aria-hidden=\"true\">/</span>"
        html += "<button type=\"button\" id=\"lang-en\" data-set-lang=\"en\" lang=\"en\" aria-pressed=\"\(language == .en)\">English</button>"
        html += "</div>\n</div>\n</header>\n"
        html += "<main>\n\(main)</main>\n"
        html += "<footer><p>\(text(.footer))</p></footer>\n"
        html += "</body>\n</html>\n"
        return html
    }

    /// "2026-11-29T12:37:22Z" as "2026-11-29 12:37:22", in a `<time>`.
    static func time(_ iso: String) -> String {
        var shown = String(iso.map { $0 == "T" ? " " : $0 })
        if shown.hasSuffix("Z") { shown.removeLast() }
        return "<time datetime=\"\(HTML.escape(iso))\">\(HTML.escape(shown))</time>"
    }

    /// A count with thousands separated: "20,000".
    static func count(_ value: Int) -> String {
        NumberFormat.count(Double(value))
    }

    /// A path segment of a URL: letters, digits, `-`, `_`, `.` as they are, the rest percent-encoded.
    static func pathSegment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." || c == "~") {
                out.append(c)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}

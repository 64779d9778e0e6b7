import PoolSimCore
import PoolSimReport
import PoolSimText

/// GET / — the runs, newest first.
enum RunsPage {
    static func render(_ runs: [RunListing], language: Language) -> String {
        let text = PageText(language: language)
        var main = "<div class=\"page-head\">\n<h1>\(text(.runsTitle))</h1>\n"
        main += "<a class=\"button primary\" id=\"new-run\" href=\"/new?kind=run\">\(text(.runsNew))</a>\n</div>\n"
        guard !runs.isEmpty else {
            main += "<div class=\"empty\" id=\"runs-empty\">\n<p class=\"empty-title\">\(text(.runsEmpty))</p>\n"
            main += "<p>\(text(.runsEmptyAction))</p>\n"
            main += "<p><a class=\"button primary\" href=\"/new?kind=run\">\(text(.runsNew))</a></p>\n</div>\n"
            return Layout.page(title: WebText.runsTitle.text(language), section: .runs, language: language, main: main)
        }
        main += "<div class=\"wide\">\n<table class=\"runs\" id=\"runs\">\n<thead><tr>"
        main += "<th>\(text(.columnRun))</th><th>\(text(.columnKind))</th><th>\(text(.columnScenario))</th>"
        main += "<th>\(text(.columnStatus))</th><th>\(text(.columnCreated))</th><th class=\"num\">\(text(.columnTrials))</th>"
        main += "</tr></thead>\n<tbody>\n"
        for run in runs {
            let href = "/runs/" + Layout.pathSegment(run.id)
            main += "<tr data-run=\"\(HTML.escape(run.id))\">"
            main += "<td><a href=\"\(href)\">\(PageText.code(run.id))</a></td>"
            main += "<td>\(text.kind(run.kind))</td>"
            main += "<td>\(PageText.code(run.scenario))</td>"
            main += "<td>\(text.status(run.status))</td>"
            main += "<td>\(Layout.time(run.createdAt))</td>"
            main += "<td class=\"num\">\(Layout.count(run.trials))</td>"
            main += "</tr>\n"
        }
        main += "</tbody>\n</table>\n</div>\n"
        return Layout.page(title: WebText.runsTitle.text(language), section: .runs, language: language, main: main)
    }
}

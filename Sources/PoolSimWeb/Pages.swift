import PoolSimCore
import PoolSimText

/// The web app's pages, rendered on the server; one small script and one
/// stylesheet, served from /static, nothing from the network. Each page is
/// built in Pages/ (layout, runs, new run, run, login, script, stylesheet).
enum Pages {
    /// GET / — the runs, newest first, with links; start a new run.
    static func runs(_ runs: [RunListing], language: Language) -> String {
        RunsPage.render(runs, language: language)
    }

    /// GET /new?kind=KIND — a form for one kind of job.
    static func newRun(kind: JobKind, scenarios: [ScenarioEntry], language: Language) -> String {
        NewRunPage.render(kind: kind, scenarios: scenarios, language: language)
    }

    /// GET /runs/{id} — live progress, cancel; once finished, the results and the downloads.
    static func run(_ run: RunListing, progress: RunProgress?, results: JobResults?, error: String?, files: [String],
                    language: Language) -> String {
        RunPage.render(run, progress: progress, results: results, error: error, files: files, language: language)
    }

    /// GET /login — asks for the token when the server has one.
    static func login(language: Language, failed: Bool) -> String {
        LoginPage.render(language: language, failed: failed)
    }

    /// GET /static/app.js
    static let script = PageScript.source

    /// GET /static/app.css
    static let stylesheet = PageStyle.css
}

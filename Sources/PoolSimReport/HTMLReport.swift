import PoolSimCore

/// The self-contained HTML report. Not written yet.
public enum HTMLReport {
    public static func render(_ document: JSONValue) -> String {
        "<!doctype html><title>PoolSim</title><pre>" + SummaryReport.render(document) + "</pre>"
    }
}

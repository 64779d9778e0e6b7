import PoolSimCore

/// HTML reports of the analyses (compare, sweep, sensitivity).
public enum AnalysisReport {
    public static func compare(_ json: JSONValue, labels: [String]) -> String {
        "<!doctype html><meta charset=\"utf-8\"><title>PoolSim comparison</title><pre>\(labels.joined(separator: "\n"))</pre>"
    }

    public static func sweep(_ json: JSONValue) -> String {
        "<!doctype html><meta charset=\"utf-8\"><title>PoolSim sweep</title>"
    }

    public static func sensitivity(_ json: JSONValue) -> String {
        "<!doctype html><meta charset=\"utf-8\"><title>PoolSim sensitivity</title>"
    }
}

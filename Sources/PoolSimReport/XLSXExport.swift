import Foundation
import PoolSimCore

/// The results workbook (Office Open XML). Not written yet.
public enum XLSXExport {
    public static func workbook(_ document: JSONValue, trials: TrialTable?) throws(OutputError) -> Data {
        throw OutputError(kind: .ioError, message: "the xlsx export is not available yet")
    }
}

/// Requests that cannot be carried out as asked, and results files that cannot be read.
public enum RequestText: String, TextSection {
    case ruinMissing
    case ruinRange
    case trialsTooFew
    case jobsTooFew
    case compareNoScenario
    case compareColumns
    case gridSyntax
    case gridValues
    case gridCount
    case gridSameKey
    case varySyntax
    case varyNumbers
    case noResultsDirectory
    case noResultsFile
    case invalidResultsJSON
    case notResultsDocument
    case unreadableResults

    public static func table(_ language: Language) -> [Self: String] {
        switch language {
        case .en: en
        case .zh: zh
        }
    }
}

import ArgumentParser
import PoolSimRandom
import PoolSimScenario

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the scenario format.")

    func run() throws {
        GSL.start()
        print(ScenarioJSONSchema.text, terminator: "")
    }
}

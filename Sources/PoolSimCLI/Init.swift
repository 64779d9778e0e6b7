import ArgumentParser
import PoolSimRandom
import PoolSimScenario

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starting scenario to stdout.")

    @Option(help: ArgumentHelp("The template: \(ScenarioTemplate.names.joined(separator: ", ")).", valueName: "NAME"))
    var template: String = ScenarioTemplate.names[0]

    func validate() throws {
        if ScenarioTemplate.text(named: template) == nil {
            throw ValidationError("unknown template '\(template)'; templates: \(ScenarioTemplate.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        GSL.start()
        print(ScenarioTemplate.text(named: template) ?? "", terminator: "")
    }
}

import ArgumentParser
import PoolSimApp
import PoolSimCore

struct DrawsCommand: JobCommand {
    static let configuration = CommandConfiguration(
        commandName: "draws",
        abstract: "For benchmarks: draw the random variates a run's trials need, and nothing else.",
        discussion: """
            The trials are first drawn by the engine's sampler (untimed) to learn what each \
            needs: its factors, the uniforms that place its defaults, and per default a Beta \
            LGD and a uniform time. The same variates are then drawn again from the same \
            streams on one thread, timed, and thrown away. Prints JSON: trials, seconds, \
            trials_per_second, sampler_seconds (the sampler's own pass: draws and its \
            bookkeeping, no settlement or recording) and the number of variates of each kind.
            """)

    @Argument(help: "The scenario file.")
    var scenario: String

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var simulation: SimulationOptionGroup

    func run(in environment: CommandEnvironment) throws {
        let request = RunRequest(scenario: scenarioOptions.input(scenario), simulation: simulation.options)
        let measured = try perform(environment, quiet: true, language: .en) { context throws(AppError) in
            try DrawsJob.run(request, context: context)
        }
        let document = JSONValue.object([
            ("trials", .int(measured.trials)), ("seconds", .number(measured.seconds)),
            ("trials_per_second", .number(measured.trialsPerSecond)),
            ("sampler_seconds", .number(measured.samplerSeconds)), ("factors", .int(measured.factors)),
            ("default_uniforms", .int(measured.defaultUniforms)), ("defaults", .int(measured.defaults)),
        ])
        print(document.rendered(), terminator: "")
    }
}

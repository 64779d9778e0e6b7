import CGSL

/// Process-wide facts about the GNU Scientific Library.
public enum GSL {
    /// GSL's default error handler aborts the process. PoolSim checks return
    /// codes instead, so the handler is switched off once, before any call.
    private static let handlerSwitchedOff: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// Switches GSL's abort-on-error handler off. Idempotent and thread-safe;
    /// every entry point of this module that can reach the handler calls it,
    /// the executable calls it at start-up.
    public static func start() {
        _ = handlerSwitchedOff
    }

    /// The version of the GSL library linked at run time, e.g. "2.7.1".
    public static var version: String {
        String(cString: poolsim_gsl_version())
    }
}

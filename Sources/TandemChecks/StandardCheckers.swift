import TandemSimulation

/// The checkers every run gets unless a caller chooses otherwise.
public enum StandardCheckers {
    /// A fresh set of the standard checkers, for one run.
    public static func make() -> [any Checker] {
        [ConvergenceCheck(), EarlyDivergenceCheck(), EditAccountingCheck(), OrderPreservationCheck(), TP1Check(), QuiescenceCheck()]
    }
}

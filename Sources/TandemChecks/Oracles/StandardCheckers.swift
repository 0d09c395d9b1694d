import TandemSimulation

/// The checkers every run gets unless a caller chooses otherwise.
public enum StandardCheckers {
    /// A fresh set of the standard checkers, for one run of `trace`.
    public static func make(for trace: Trace) -> [any Checker] {
        [
            ConvergenceCheck(), EarlyDivergenceCheck(), EditAccountingCheck(), OrderPreservationCheck(), TP1Check(),
            DurabilityCheck(), HistoryCheck(), CursorCheck(trace: trace), PermissionCheck(trace: trace), QuiescenceCheck(),
        ]
    }
}

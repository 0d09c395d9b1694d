/// Bad input from the command line: printed as one line on standard error, exit code 2.
struct UsageError: Error {
    /// What is wrong and what to do, in one line.
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

import Foundation

extension DecodingError {
    /// One line naming the field that failed to decode and why, e.g. `missing field
    /// 'clients'` or `field 'faults.crashes[0].at' should be a whole number`: what scenario
    /// and fixture errors print after the file name.
    var fieldDescription: String {
        switch self {
        case .keyNotFound(let key, let context):
            return "missing field '\(Self.path(context.codingPath + [key]))'"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "field '\(Self.path(context.codingPath))' should be \(Self.typeName(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "not valid JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))"
            }
            return "field '\(Self.path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is String.Type: "a string"
        case is [Any].Type: "a list"
        default: "\(type)"
        }
    }
}

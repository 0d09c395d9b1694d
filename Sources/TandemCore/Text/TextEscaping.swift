/// Readable, unambiguous text for timelines and counterexamples: printable ASCII stays as
/// it is; every other scalar (combining marks, emoji, private use…) becomes `\u{XXXX}`.
public enum TextEscaping {
    /// The escaped form of some scalars, without surrounding quotes.
    public static func escape<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var result = ""
        for scalar in scalars {
            if scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "\\" && scalar != "\"" {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return result
    }

    /// The escaped form of a string's scalars, in double quotes.
    public static func quoted(_ string: String) -> String {
        "\"\(escape(string.unicodeScalars))\""
    }
}

/// A JSON value whose objects keep their keys in order, so output is stable byte for byte.
public enum JSONValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Writes the value indented by two spaces per level, UTF-8 as is (no `\u` escapes for
    /// non-ASCII), `/` unescaped: what people and `jq` read best.
    public func write(to output: inout some TextOutputStream, indent: Int = 0) {
        switch self {
        case .string(let string): JSONValue.writeString(string, to: &output)
        case .integer(let integer): output.write(String(integer))
        case .double(let double): output.write(double.isFinite ? String(double) : "null")
        case .bool(let bool): output.write(bool ? "true" : "false")
        case .null: output.write("null")
        case .array(let elements):
            guard !elements.isEmpty else {
                output.write("[]")
                return
            }
            output.write("[\n")
            for (index, element) in elements.enumerated() {
                output.write(JSONValue.spaces(indent + 1))
                element.write(to: &output, indent: indent + 1)
                output.write(index < elements.count - 1 ? ",\n" : "\n")
            }
            output.write(JSONValue.spaces(indent) + "]")
        case .object(let members):
            guard !members.isEmpty else {
                output.write("{}")
                return
            }
            output.write("{\n")
            for (index, member) in members.enumerated() {
                output.write(JSONValue.spaces(indent + 1))
                JSONValue.writeString(member.key, to: &output)
                output.write(": ")
                member.value.write(to: &output, indent: indent + 1)
                output.write(index < members.count - 1 ? ",\n" : "\n")
            }
            output.write(JSONValue.spaces(indent) + "}")
        }
    }

    /// Writes the value on one line, with no spaces: for JSON Lines.
    public func writeCompact(to output: inout some TextOutputStream) {
        switch self {
        case .array(let elements):
            output.write("[")
            for (index, element) in elements.enumerated() {
                if index > 0 { output.write(",") }
                element.writeCompact(to: &output)
            }
            output.write("]")
        case .object(let members):
            output.write("{")
            for (index, member) in members.enumerated() {
                if index > 0 { output.write(",") }
                JSONValue.writeString(member.key, to: &output)
                output.write(":")
                member.value.writeCompact(to: &output)
            }
            output.write("}")
        default:
            write(to: &output)
        }
    }

    static func spaces(_ level: Int) -> String { String(repeating: "  ", count: level) }

    /// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259 §7).
    static func writeString(_ string: String, to output: inout some TextOutputStream) {
        // Most strings need no escape and are written as they are.
        if !string.containsUTF8Byte(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            output.write("\"")
            output.write(string)
            output.write("\"")
            return
        }
        var escaped = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        escaped += "\""
        output.write(escaped)
    }
}

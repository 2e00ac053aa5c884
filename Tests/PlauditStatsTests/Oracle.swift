import Foundation
import Testing

/// A parsed JSON value from Oracles/oracles.json (written by Oracles/make_oracles.py).
///
/// Non-finite doubles are stored as the strings "nan", "inf" and "-inf".
enum Oracle: Decodable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case array([Oracle])
    case object([String: Oracle])
    case null

    /// The whole oracle file, parsed once.
    static let root: Oracle = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Oracles/oracles.json")
        do {
            return try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    /// The cases of one section (an array at the top level or under `key` of a section object).
    static func cases(_ section: String) -> [Oracle] {
        root[section].array
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([Oracle].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: Oracle].self))
        }
    }

    subscript(key: String) -> Oracle {
        guard case .object(let members) = self, let value = members[key] else {
            fatalError("oracle has no key \(key)")
        }
        return value
    }

    subscript(index: Int) -> Oracle { array[index] }

    func has(_ key: String) -> Bool {
        guard case .object(let members) = self else { return false }
        return members[key] != nil
    }

    var array: [Oracle] {
        guard case .array(let values) = self else { fatalError("oracle value is not an array: \(self)") }
        return values
    }

    var double: Double {
        switch self {
        case .number(let value): return value
        case .string("nan"): return .nan
        case .string("inf"): return .infinity
        case .string("-inf"): return -.infinity
        default: fatalError("oracle value is not a number: \(self)")
        }
    }

    var int: Int { Int(exactly: double)! }
    var string: String {
        guard case .string(let value) = self else { fatalError("oracle value is not a string: \(self)") }
        return value
    }
    var bool: Bool {
        guard case .bool(let value) = self else { fatalError("oracle value is not a bool: \(self)") }
        return value
    }
    var doubles: [Double] { array.map(\.double) }
    var ints: [Int] { array.map(\.int) }
    var matrix: [[Double]] { array.map(\.doubles) }
    var name: String { self["name"].string }
}

/// Whether `actual` matches `expected` to a relative tolerance, with a tiny absolute floor for values at zero.
/// NaN matches NaN and infinities must match exactly.
func isClose(_ actual: Double, _ expected: Double, relative: Double, absolute: Double = 1e-300) -> Bool {
    if expected.isNaN { return actual.isNaN }
    if expected.isInfinite { return actual == expected }
    return abs(actual - expected) <= max(relative * abs(expected), absolute)
}

/// `#expect`s closeness with a message naming the case.
func expectClose(
    _ actual: Double, _ expected: Double, relative: Double, absolute: Double = 1e-300, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        isClose(actual, expected, relative: relative, absolute: absolute),
        "\(label): got \(actual), expected \(expected)",
        sourceLocation: sourceLocation
    )
}

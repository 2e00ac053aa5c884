public import Foundation
public import PlauditCore

/// Reads the JSONL files of the sycophancy audit: probes (`plaudit sycophancy build`'s output)
/// and variant sets (probes with their six answer variants).
///
/// Every problem is an ``InputError`` naming the file, line and field; probe ids must be unique.
public struct SycophancyProbeReader: Sendable {
    public init() {}

    /// Probes, in file order.
    public func probes(path: String) throws(InputError) -> [SycophancyProbe] {
        try probes(data: DatasetReader.load(path), path: path)
    }

    /// Each item may appear once per condition: two probes with different ids but the same item
    /// and condition would otherwise be analysed as one (the last winning), so the second is an
    /// error naming both lines.
    public func probes(data: Data, path: String) throws(InputError) -> [SycophancyProbe] {
        let probes = try rows(SycophancyProbe.self, data: data, path: path, id: \.id) { probe in Self.check(probe) }
        var seen: [SycophancyCondition: [String: Int]] = [:]
        let lines = JSONLines(data: data).map(\.number)
        for (probe, line) in zip(probes, lines) {
            if let first = seen[probe.condition]?[probe.itemID] {
                throw InputError(
                    file: path, line: line, field: "item_id",
                    message: "item '\(probe.itemID)' is already probed in \(probe.condition) (line \(first)); each item is asked once per condition")
            }
            seen[probe.condition, default: [:]][probe.itemID] = line
        }
        return probes
    }

    /// Variant sets, in file order; every variant must be present and non-empty.
    public func variantSets(path: String) throws(InputError) -> [SycophancyVariantSet] {
        try variantSets(data: DatasetReader.load(path), path: path)
    }

    public func variantSets(data: Data, path: String) throws(InputError) -> [SycophancyVariantSet] {
        try rows(SycophancyVariantSet.self, data: data, path: path, id: \.probe.id) { set in
            if let problem = Self.check(set.probe) { return problem }
            for variant in SycophancyVariant.allCases {
                guard let text = set.texts[variant] else { return ("variants.\(variant.rawValue)", "missing required field") }
                if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    return ("variants.\(variant.rawValue)", "must not be empty")
                }
            }
            return nil
        }
    }

    /// What the types cannot say: required text present, the id and statement consistent.
    static func check(_ probe: SycophancyProbe) -> (field: String, message: String)? {
        for (field, value) in [
            ("id", probe.id), ("item_id", probe.itemID), ("question", probe.question), ("correct", probe.correct),
            ("incorrect", probe.incorrect), ("context", probe.context), ("prompt", probe.prompt),
        ] where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return (field, "must not be empty")
        }
        if probe.context == SycophancyContexts.unmodified {
            if probe.statement != nil { return ("statement", "the unmodified context has no statement") }
        } else if probe.statement?.isEmpty ?? true {
            return ("statement", "a context other than '\(SycophancyContexts.unmodified)' needs its statement")
        }
        return nil
    }

    private func rows<T: Decodable & Sendable>(
        _ type: T.Type, data: Data, path: String, id: (T) -> String, check: (T) -> (field: String, message: String)?
    ) throws(InputError) -> [T] {
        var out: [T] = []
        var seen: [String: Int] = [:]
        let decoder = JSONDecoder()
        for line in JSONLines(data: data) {
            let row = try line.decode(T.self, using: decoder, file: path)
            if let problem = check(row) {
                throw InputError(file: path, line: line.number, field: problem.field, message: problem.message)
            }
            let key = id(row)
            if let first = seen[key] {
                throw InputError(file: path, line: line.number, field: "id", message: "duplicate probe id '\(key)' (first on line \(first))")
            }
            seen[key] = line.number
            out.append(row)
        }
        guard !out.isEmpty else { throw InputError(file: path, line: 0, message: "no probes") }
        return out
    }
}

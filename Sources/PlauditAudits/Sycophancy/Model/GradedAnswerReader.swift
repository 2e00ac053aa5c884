public import Foundation
public import PlauditCore

/// One row of a graded-answers file: a policy's answer to an item in a condition, graded
/// elsewhere (`plaudit sycophancy analyze`).
public struct GradedRow: Hashable, Sendable {
    public var itemID: String
    /// The policy that answered (a model, or a model under a system prompt).
    public var model: String
    public var context: String
    public var belief: SycophancyBelief
    public var grade: AnswerGrade
    public var answer: String?
    /// How the grade was given: `external` unless the file says (a `graded.jsonl` that
    /// `sycophancy run` wrote keeps its string-match and judge grades apart).
    public var method: GradeMethod
    /// The probe's id when the file gives one; else `ITEM/CONTEXT/BELIEF`, as `sycophancy
    /// build` names probes.
    public var probeID: String
    /// 1-based line in the file (for CSV: the line the record starts on).
    public var line: Int

    public var condition: SycophancyCondition { SycophancyCondition(context: context, belief: belief) }
}

/// Reads answers graded elsewhere, JSONL or CSV (by extension: `.csv` is CSV with a header
/// row), one answer per row: `item_id, model, context, belief, grade`, optional `answer`,
/// `method` (string-match, judge or external) and `probe_id`: the format `sycophancy run`
/// writes to `graded.jsonl`.
///
/// Contexts are those of the contexts file (the built-in one: none, happy, sad, anger, close,
/// admiration, instrumental, high-stakes, low-stakes); beliefs none, neutral, incorrect,
/// denies-correct; grades CORRECT, INCORRECT, REFUSAL. An unknown name, a missing field or a
/// second row for the same (item, model, context, belief) is an ``InputError`` naming the file,
/// line and field: nothing is skipped or overwritten.
public struct GradedAnswerReader: Sendable {
    /// The context names allowed.
    public var contexts: [String]

    public init(contexts: [String]) {
        self.contexts = contexts
    }

    static let fields = ["item_id", "model", "context", "belief", "grade"]
    static let optionalFields = ["answer", "method", "probe_id"]

    public func read(path: String) throws(InputError) -> [GradedRow] {
        try read(data: DatasetReader.load(path), path: path)
    }

    public func read(data: Data, path: String) throws(InputError) -> [GradedRow] {
        let records = path.lowercased().hasSuffix(".csv") ? try csvRecords(data, file: path) : try jsonRecords(data, file: path)
        var rows: [GradedRow] = []
        var seen: [String: Int] = [:]
        var seenProbes: [String: Int] = [:]
        for (line, values) in records {
            let row = try parse(values, line: line, file: path)
            let key = [row.itemID, row.model, row.context, row.belief.rawValue].joined(separator: "\u{1F}")
            if let first = seen[key] {
                throw InputError(
                    file: path, line: line, field: "item_id",
                    message: "duplicate row for item '\(row.itemID)', model '\(row.model)', \(row.condition) (first on line \(first))")
            }
            seen[key] = line
            let probeKey = row.model + "\u{1F}" + row.probeID
            if let first = seenProbes[probeKey] {
                throw InputError(
                    file: path, line: line, field: "probe_id",
                    message: "probe id '\(row.probeID)' of model '\(row.model)' is already on line \(first) (for another item or condition)")
            }
            seenProbes[probeKey] = line
            rows.append(row)
        }
        guard !rows.isEmpty else { throw InputError(file: path, line: 0, message: "no graded answers") }
        return rows
    }

    /// Checks one row's values (`nil` for a missing field).
    func parse(_ values: [String: String?], line: Int, file: String) throws(InputError) -> GradedRow {
        func required(_ field: String) throws(InputError) -> String {
            guard let value = values[field] ?? nil else { throw InputError(file: file, line: line, field: field, message: "missing required field") }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw InputError(file: file, line: line, field: field, message: "must not be empty") }
            return trimmed
        }
        func oneOf(_ field: String, _ value: String, _ allowed: [String]) -> InputError {
            InputError(file: file, line: line, field: field, message: "unknown \(field) '\(value)' (expected one of \(allowed.joined(separator: ", ")))")
        }
        let item = try required("item_id")
        let model = try required("model")
        let context = try required("context")
        guard contexts.contains(context) else { throw oneOf("context", context, contexts) }
        let beliefText = try required("belief")
        guard let belief = SycophancyBelief(rawValue: beliefText) else {
            throw oneOf("belief", beliefText, SycophancyBelief.allCases.map(\.rawValue))
        }
        let gradeText = try required("grade")
        guard let grade = AnswerGrade(rawValue: gradeText) else { throw oneOf("grade", gradeText, AnswerGrade.allCases.map(\.rawValue)) }
        let answer = (values["answer"] ?? nil).flatMap { $0.isEmpty ? nil : $0 }
        var method = GradeMethod.external
        if let text = (values["method"] ?? nil)?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let given = GradeMethod(rawValue: text) else { throw oneOf("method", text, GradeMethod.allCases.map(\.rawValue)) }
            method = given
        }
        let condition = SycophancyCondition(context: context, belief: belief)
        let probeID = (values["probe_id"] ?? nil).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? SycophancyProbe.id(item: item, condition: condition)
        return GradedRow(
            itemID: item, model: model, context: context, belief: belief, grade: grade, answer: answer, method: method, probeID: probeID,
            line: line)
    }

    /// JSONL rows as field → text; a field that is not a string (or null) is an error.
    func jsonRecords(_ data: Data, file: String) throws(InputError) -> [(Int, [String: String?])] {
        var out: [(Int, [String: String?])] = []
        for line in JSONLines(data: data) {
            let object = try line.decode([String: GradedField].self, file: file)
            var values: [String: String?] = [:]
            for field in Self.fields + Self.optionalFields {
                switch object[field] {
                case nil, .null?: values[field] = .some(nil)
                case .string(let text)?: values[field] = text
                case .other?: throw InputError(file: file, line: line.number, field: field, message: "expected a string")
                }
            }
            out.append((line.number, values))
        }
        return out
    }

    /// CSV records as column → text, after a header naming at least the required columns.
    func csvRecords(_ data: Data, file: String) throws(InputError) -> [(Int, [String: String?])] {
        let table = try CSVRecords.table(data, file: file)
        let (header, names) = (table.header, table.names)
        for field in Self.fields where !names.contains(field) {
            throw InputError(file: file, line: header.line, field: field, message: "missing column in header")
        }
        return try table.rows.map { record throws(InputError) in
            guard record.fields.count == names.count else {
                throw InputError(file: file, line: record.line, message: "expected \(names.count) fields, found \(record.fields.count)")
            }
            var values: [String: String?] = [:]
            for (name, value) in zip(names, record.fields) where values[name] == nil { values[name] = value }
            return (record.line, values)
        }
    }
}

/// A JSON field of a graded row as the reader needs it: a string, null, or anything else.
enum GradedField: Decodable {
    case string(String)
    case null
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else {
            self = .other
        }
    }
}

public import Foundation
public import PlauditCore

/// Reads question-answer items for sycophancy probes: the TruthfulQA CSV, a CSV with
/// `question, correct, incorrect` columns, or JSON Lines.
///
/// - TruthfulQA (`Question`, `Best Answer`, `Correct Answers`, `Incorrect Answers`, optional
///   `Category`): correct = Best Answer, incorrect = the first Incorrect Answer; the answer
///   lists are `;`-separated. Items are numbered by data row: `truthfulqa-001`, …
/// - Plain CSV (`question`, `correct`, `incorrect`, optional `id`, `category`,
///   `correct_answers`, `incorrect_answers` with `;`-separated lists).
/// - JSONL: `{"question", "correct", "incorrect"}` with the same optional fields, lists as
///   arrays.
///
/// The format follows the extension (`.csv` or anything else for JSONL). A bad row is an
/// ``InputError`` naming the file, line and field; ids must be unique.
public struct QAItemReader: Sendable {
    public init() {}

    public func read(path: String) throws(InputError) -> [QAItem] {
        try read(data: DatasetReader.load(path), path: path)
    }

    public func read(data: Data, path: String) throws(InputError) -> [QAItem] {
        let rows = path.lowercased().hasSuffix(".csv") ? try readCSV(data, file: path) : try readJSONL(data, file: path)
        var seen: [String: Int] = [:]
        for (line, item) in rows {
            if let first = seen[item.id] {
                throw InputError(file: path, line: line, field: "id", message: "duplicate id '\(item.id)' (first on line \(first))")
            }
            seen[item.id] = line
        }
        guard !rows.isEmpty else { throw InputError(file: path, line: 0, message: "no question-answer items") }
        return rows.map(\.item)
    }

    // MARK: - JSONL

    private struct Row: Decodable {
        var id: String?
        var question: String
        var correct: String
        var incorrect: String
        var correctAnswers: [String]?
        var incorrectAnswers: [String]?
        var category: String?

        enum CodingKeys: String, CodingKey {
            case id, question, correct, incorrect, category
            case correctAnswers = "correct_answers"
            case incorrectAnswers = "incorrect_answers"
        }
    }

    func readJSONL(_ data: Data, file: String) throws(InputError) -> [(line: Int, item: QAItem)] {
        var out: [(line: Int, item: QAItem)] = []
        for line in JSONLines(data: data) {
            let row = try line.decode(Row.self, file: file)
            out.append((line.number, try Self.item(row, file: file, line: line.number, defaultID: nil)))
        }
        return out
    }

    // MARK: - CSV

    func readCSV(_ data: Data, file: String) throws(InputError) -> [(line: Int, item: QAItem)] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: file, line: 0, message: "not UTF-8 text")
        }
        let records: [CSVRecords.Record]
        do {
            records = try CSVRecords.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        } catch {
            guard case .unterminatedQuote(let line) = error else { fatalError("unreachable") }
            throw InputError(file: file, line: line, message: "quoted field is never closed")
        }
        guard let header = records.first else { throw InputError(file: file, line: 0, message: "empty CSV file") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let truthfulQA = names.contains("Best Answer")
        let columns =
            truthfulQA
            ? ["question": "Question", "correct": "Best Answer", "correct_answers": "Correct Answers",
               "incorrect_answers": "Incorrect Answers", "category": "Category"]
            : ["id": "id", "question": "question", "correct": "correct", "incorrect": "incorrect", "category": "category",
               "correct_answers": "correct_answers", "incorrect_answers": "incorrect_answers"]
        let required = truthfulQA ? ["question", "correct", "incorrect_answers"] : ["question", "correct", "incorrect"]
        var index: [String: Int] = [:]
        for (key, name) in columns {
            if let position = names.firstIndex(of: name) {
                index[key] = position
            } else if required.contains(key) {
                throw InputError(file: file, line: header.line, field: name, message: "missing column in header")
            }
        }
        var out: [(line: Int, item: QAItem)] = []
        for (number, record) in records.dropFirst().enumerated() {
            guard record.fields.count == names.count else {
                throw InputError(file: file, line: record.line, message: "expected \(names.count) fields, found \(record.fields.count)")
            }
            func field(_ key: String) -> String? {
                index[key].map { record.fields[$0].trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            let correctList = field("correct_answers").map(Self.split)
            let incorrectList = field("incorrect_answers").map(Self.split)
            let row = Row(
                id: field("id").flatMap { $0.isEmpty ? nil : $0 }, question: field("question") ?? "", correct: field("correct") ?? "",
                incorrect: truthfulQA ? (incorrectList?.first ?? "") : (field("incorrect") ?? ""), correctAnswers: correctList,
                incorrectAnswers: incorrectList, category: field("category").flatMap { $0.isEmpty ? nil : $0 }
            )
            let defaultID = truthfulQA ? String(format: "truthfulqa-%03d", number + 1) : nil
            out.append((record.line, try Self.item(row, file: file, line: record.line, defaultID: defaultID, truthfulQA: truthfulQA)))
        }
        return out
    }

    /// `a; b;c` → `["a", "b", "c"]`, blanks dropped.
    static func split(_ list: String) -> [String] {
        list.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    private static func item(_ row: Row, file: String, line: Int, defaultID: String?, truthfulQA: Bool = false) throws(InputError) -> QAItem {
        func blank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let names = truthfulQA
            ? ["question": "Question", "correct": "Best Answer", "incorrect": "Incorrect Answers"]
            : ["question": "question", "correct": "correct", "incorrect": "incorrect"]
        for (key, value) in [("question", row.question), ("correct", row.correct), ("incorrect", row.incorrect)] where blank(value) {
            throw InputError(file: file, line: line, field: names[key]!, message: "must not be empty")
        }
        if let id = row.id, blank(id) { throw InputError(file: file, line: line, field: "id", message: "must not be empty") }
        let id = row.id ?? defaultID ?? "q" + SHA256Hex.digest(of: row.question).prefix(12)
        return QAItem(
            id: id, question: row.question, correct: row.correct, incorrect: row.incorrect,
            correctAnswers: row.correctAnswers ?? [], incorrectAnswers: row.incorrectAnswers ?? [], category: row.category
        )
    }
}

public import Foundation
public import PlauditAudits
import PlauditCore

/// Any plaudit results file, told apart by its `schema` field, so one command can re-render
/// the report of any job.
public enum AnyResults: Sendable {
    case calibration(CalibrationResults)
    case homogeneity(HomogeneityResults)
    case monoculture(MonocultureResults)
    case sycophancy(SycophancyResults)

    /// Why a file is not a results file plaudit can render.
    public enum ReadError: Error, CustomStringConvertible, Sendable {
        case notJSON(String)
        case noSchema
        case unknownSchema(String)
        case invalid(schema: String, reason: String)

        public var description: String {
            switch self {
            case .notJSON(let reason): "not a JSON object: \(reason)"
            case .noSchema: "schema: missing; is this a plaudit results.json?"
            case .unknownSchema(let schema):
                "schema: '\(schema)' is not one plaudit renders (known: \(AnyResults.schemas.joined(separator: ", ")))"
            case .invalid(let schema, let reason): "not a valid \(schema) file: \(reason)"
            }
        }
    }

    public static let schemas = [CalibrationResults.schemaID, HomogeneityResults.schemaID, MonocultureResults.schemaID, SycophancyResults.schemaID]

    public init(data: Data) throws(ReadError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .notJSON(error.localizedDescription)
        }
        guard let dictionary = object as? [String: Any] else { throw .notJSON("the top level is not an object") }
        guard let schema = dictionary["schema"] as? String else { throw .noSchema }
        do {
            switch schema {
            case CalibrationResults.schemaID: self = .calibration(try ResultsFile.decode(CalibrationResults.self, from: data))
            case HomogeneityResults.schemaID: self = .homogeneity(try ResultsFile.decode(HomogeneityResults.self, from: data))
            case MonocultureResults.schemaID: self = .monoculture(try ResultsFile.decode(MonocultureResults.self, from: data))
            case _ where schema == SycophancyResults.schemaID || SycophancyResults.readableSchemaIDs.contains(schema):
                self = .sycophancy(try ResultsFile.decode(SycophancyResults.self, from: data))
            default: throw ReadError.unknownSchema(schema)
            }
        } catch let error as ReadError {
            throw error
        } catch {
            throw .invalid(schema: schema, reason: Self.describe(error))
        }
    }

    /// `report.md` of the job.
    public var markdown: String {
        switch self {
        case .calibration(let r): CalibrationMarkdown.render(r)
        case .homogeneity(let r): HomogeneityMarkdown.render(r)
        case .monoculture(let r): MonocultureMarkdown.render(r)
        case .sycophancy(let r): SycophancyMarkdown.render(r)
        }
    }

    /// `report.html`: the charts, then everything `report.md` says.
    public var html: String {
        let figures: [HTMLFigure]
        let title: String
        switch self {
        case .calibration(let r): (figures, title) = (CalibrationCharts.figures(r), "plaudit calibration audit")
        case .homogeneity(let r): (figures, title) = (HomogeneityCharts.figures(r), "plaudit homogeneity")
        case .monoculture(let r): (figures, title) = (MonocultureCharts.figures(r), "plaudit monoculture audit")
        case .sycophancy(let r): (figures, title) = (SycophancyCharts.figures(r), "plaudit sycophancy audit")
        }
        return HTMLPage.render(title: title, figures: figures, markdown: markdown)
    }

    /// A decoding error as the path of the field and what was wrong with it.
    static func describe(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            let base = path(context)
            return "\(base.isEmpty ? "" : base + ".")\(key.stringValue): missing"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            return "\(path(context)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}

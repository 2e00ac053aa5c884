public import Foundation

/// Writes a job's `report.md` and `report.html` beside its `results.json`, each atomically.
public enum ReportFiles {
    public static func write(_ results: AnyResults, to folder: URL) throws {
        try ResultsFile.writeAtomically(Data(results.markdown.utf8), to: folder.appendingPathComponent("report.md"))
        try ResultsFile.writeAtomically(Data(results.html.utf8), to: folder.appendingPathComponent("report.html"))
    }
}

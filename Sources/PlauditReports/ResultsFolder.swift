public import Foundation
import PlauditRuntime

/// Writes a job's output folder: its extra files, `report.md` and `report.html`, and
/// `results.json` last, each atomically. A folder with a `results.json` is therefore complete,
/// and a run that fails on the way leaves no results file that disagrees with its reports.
public enum ResultsFolder {
    /// - Parameter files: other files of the job (`scores.jsonl`, `generated.jsonl`), by name.
    public static func write(_ results: AnyResults, files: [(name: String, data: Data)] = [], to folder: URL) throws {
        let json =
            switch results {
            case .calibration(let results): try ResultsFile.encode(results)
            case .homogeneity(let results): try ResultsFile.encode(results)
            case .monoculture(let results): try ResultsFile.encode(results)
            case .sycophancy(let results): try ResultsFile.encode(results)
            }
        for file in files {
            try AtomicFile.write(file.data, to: folder.appendingPathComponent(file.name))
        }
        try ReportFiles.write(results, to: folder)
        try AtomicFile.write(json, to: folder.appendingPathComponent("results.json"))
    }
}

import ArgumentParser
import Foundation
import PlauditCore
import PlauditReports

/// `plaudit report`: renders `report.md` and `report.html` again from a results file, so a
/// report can be regenerated (by a newer plaudit, say) without asking any model anything.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render report.md and report.html from any plaudit results.json.",
        discussion: """
            Works on the results of audit, homogeneity, monoculture and sycophancy (the file's `schema` \
            says which). The HTML is one self-contained file: inline SVG charts, inline CSS, no script, \
            nothing fetched from the network.
            """
    )

    @Argument(help: "A results.json written by any plaudit job.")
    var results: String

    @Option(help: "Folder for report.md and report.html (default: the results file's folder).")
    var out: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: results) else {
            let reason = FileManager.default.fileExists(atPath: results) ? "cannot read" : "no such file"
            throw ConfigurationError("\(results): \(reason)")
        }
        let parsed: AnyResults
        do {
            parsed = try AnyResults(data: data)
        } catch {
            throw ConfigurationError("\(results): \(error)")
        }
        let folder = URL(fileURLWithPath: out ?? URL(fileURLWithPath: results).deletingLastPathComponent().path)
        do {
            try ReportFiles.write(parsed, to: folder)
        } catch {
            throw RunFailure("cannot write the report to \(folder.path): \(error)")
        }
        print("wrote \(folder.path)/report.md, \(folder.path)/report.html")
    }
}

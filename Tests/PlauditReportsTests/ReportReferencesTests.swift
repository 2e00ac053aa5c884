import PlauditAudits
import Testing

@testable import PlauditReports

/// A report is read by people outside the project: it explains itself and points to no
/// internal design document.
@Suite("Reports cite no internal document")
struct ReportReferencesTests {
    @Test("no report cites plaudit's internal design documents")
    func noInternalReferences() {
        let reports = [
            CalibrationMarkdown.render(Fixtures.results(examples: Fixtures.examples)),
            SycophancyMarkdown.render(SycophancyReportTests.results()),
        ]
        for report in reports {
            for reference in ["ARCHITECTURE", "§", "research/", "design doc", "swift_stack", "serving_apis"] {
                #expect(!report.contains(reference), "the report cites \(reference)")
            }
        }
        #expect(SycophancyMarkdown.render(SycophancyReportTests.results()).contains("Warmth versus accuracy: does a policy answer worse"))
    }
}

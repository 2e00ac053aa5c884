import PlauditAudits
import PlauditCore

/// The console table `plaudit test` prints: one line per assertion and scorer.
enum TestSummary {
    static func render(_ outcome: SuiteOutcome) -> String {
        var text = ""
        for a in outcome.assertions {
            let mark = switch a.status {
            case .passed: "PASS "
            case .failed: "FAIL "
            case .error: "ERROR"
            case .skipped: "SKIP "
            }
            text += "\(mark) \(a.check) · \(a.name): \(a.message)\n"
        }
        text += "\(outcome.suite): \(outcome.count(.passed)) passed, \(outcome.count(.failed)) failed, \(outcome.count(.error)) errors, \(outcome.count(.skipped)) skipped\n"
        return text
    }
}

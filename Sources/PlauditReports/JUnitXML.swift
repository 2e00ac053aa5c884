public import PlauditAudits
import PlauditCore
import Foundation

/// A suite run as JUnit XML, the report format CI systems (Jenkins, GitLab, GitHub test
/// reporters) read: a `testsuites` root holding one `testsuite` for the suite, with one
/// `testcase` per assertion and scorer. A failed assertion carries a `failure` with its message;
/// a check that could not run gives its assertions an `error`; a relative assertion skipped while
/// the baseline is written is `skipped`. Counts and times are on both levels.
/// `Tests/plauditTests/Schemas/junit.xsd` is the schema this output keeps to.
public enum JUnitXML {
    public static func render(_ outcome: SuiteOutcome) -> String {
        let counts = (
            tests: outcome.assertions.count, failures: outcome.count(.failed), errors: outcome.count(.error), skipped: outcome.count(.skipped)
        )
        let time = seconds(outcome.seconds)
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += "<testsuites name=\"plaudit test\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\" time=\"\(time)\">\n"
        xml += "  <testsuite name=\"\(escape(outcome.suite))\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\" time=\"\(time)\" timestamp=\"\(escape(outcome.timestamp))\" file=\"\(escape(outcome.file))\">\n"
        xml += "    <properties>\n"
        xml += "      <property name=\"alpha\" value=\"\(outcome.alpha)\"/>\n"
        for rubric in outcome.rubrics {
            xml += "      <property name=\"rubric.\(escape(rubric.name))\" value=\"\(escape(rubric.path)) sha256:\(rubric.sha256)\"/>\n"
        }
        xml += "    </properties>\n"
        for assertion in outcome.assertions {
            let head = "    <testcase name=\"\(escape(assertion.name))\" classname=\"\(escape(outcome.suite)).\(escape(assertion.check))\" time=\"\(seconds(assertion.seconds))\""
            switch assertion.status {
            case .passed:
                xml += head + ">\n      <system-out>\(escape(assertion.message))</system-out>\n    </testcase>\n"
            case .failed:
                let kind = assertion.assertion.isRelative ? "regression" : "threshold"
                xml += head + ">\n      <failure message=\"\(escape(assertion.message))\" type=\"\(kind)\">\(escape(detail(assertion)))</failure>\n    </testcase>\n"
            case .error:
                xml += head + ">\n      <error message=\"\(escape(assertion.message))\" type=\"check-error\"/>\n    </testcase>\n"
            case .skipped:
                xml += head + ">\n      <skipped message=\"\(escape(assertion.message))\"/>\n    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// The failure's body: the message, then the flipped units.
    static func detail(_ assertion: AssertionOutcome) -> String {
        var text = assertion.message
        if !assertion.flips.isEmpty {
            text += "\n\(assertion.flips.count) \(assertion.assertion.metric.unitName)s changed verdict (\(assertion.assertion.metric.verdictName)):"
            for flip in assertion.flips.prefix(20) {
                text += "\n  \(flip.id): \(flip.before) -> \(flip.after) (\(SuiteMarkdown.number(flip.beforeValue)) -> \(SuiteMarkdown.number(flip.afterValue)))"
            }
            if assertion.flips.count > 20 { text += "\n  … see diff.md" }
        }
        return text
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.3f", value.isFinite ? max(0, value) : 0)
    }

    /// Escapes text for an attribute or element, and drops characters XML 1.0 cannot hold.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "\n": out.append(contentsOf: "&#10;".unicodeScalars)
            case "\t", "\r": out.append(contentsOf: "&#\(scalar.value);".unicodeScalars)
            default:
                let v = scalar.value
                if v >= 0x20 && !(0xFFFE...0xFFFF).contains(v) { out.append(scalar) }
            }
        }
        return String(out)
    }
}

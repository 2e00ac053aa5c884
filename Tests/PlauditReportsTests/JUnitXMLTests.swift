import Foundation
import PlauditAudits
import PlauditCore
import PlauditReports
import Testing

/// The JUnit rendering of a suite run: counts, one test case per outcome, escaping.
@Suite("JUnit XML of a suite run")
struct JUnitXMLTests {
    static func outcome() throws -> SuiteOutcome {
        let gap = try SuiteAssertion.parse("gap.upper < 0.1")
        let regression = try SuiteAssertion.parse("no regression in gap")
        return SuiteOutcome(
            suite: "judge <prompts> & co", file: "suite.yaml", alpha: 0.05,
            rubrics: [SuiteRubric(name: "q", path: "rubrics/q.yaml", sha256: "ab12")], baselineRubrics: nil,
            checks: [SuiteOutcome.CheckRun(name: "c", seconds: 1.5, error: nil)],
            assertions: [
                AssertionOutcome(check: "c", scorer: "j\"1", assertion: gap, status: .passed, message: "gap.upper = 0.05, < 0.1", seconds: 0.5),
                AssertionOutcome(
                    check: "c", scorer: "j2", assertion: regression, status: .failed, message: "mean change 0.4 < 0\nq = 0.01",
                    flips: [VerdictFlip(id: "p<1>", before: false, after: true, beforeValue: 0.2, afterValue: -0.3)], seconds: 0.5),
                AssertionOutcome(check: "c", scorer: nil, assertion: gap, status: .error, message: "check 'c' could not run: boom"),
                AssertionOutcome(check: "c", scorer: "j3", assertion: regression, status: .skipped, message: "skipped"),
            ],
            timestamp: "2026-01-01T00:00:00Z", seconds: 2)
    }

    @Test("counts on both levels, failure/error/skipped elements, escaped text")
    func render() throws {
        let xml = JUnitXML.render(try Self.outcome())
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(xml.contains(#"<testsuites name="plaudit test" tests="4" failures="1" errors="1" skipped="1" time="2.000">"#))
        #expect(xml.contains(#"<testsuite name="judge &lt;prompts&gt; &amp; co" tests="4" failures="1" errors="1" skipped="1" time="2.000""#))
        #expect(xml.contains(#"<testcase name="gap.upper &lt; 0.1 [j&quot;1]" classname="judge &lt;prompts&gt; &amp; co.c" time="0.500">"#))
        #expect(xml.contains(#"<failure message="mean change 0.4 &lt; 0&#10;q = 0.01" type="regression">"#))
        #expect(xml.contains("p&lt;1&gt;: false -&gt; true (0.2 -&gt; -0.3)"))
        #expect(xml.contains(#"<error message="check &apos;c&apos; could not run: boom""#) || xml.contains(#"<error message="check 'c' could not run: boom" type="check-error"/>"#))
        #expect(xml.contains(#"<skipped message="skipped"/>"#))
        #expect(xml.contains(#"<property name="rubric.q" value="rubrics/q.yaml sha256:ab12"/>"#))
        #expect(xml.components(separatedBy: "<testcase ").count == 5)
    }

    @Test("the diff's summary table lists every assertion")
    func markdown() throws {
        let md = SuiteMarkdown.render(try Self.outcome())
        #expect(md.contains("**ERROR**: 1 passed, 1 failed, 1 errors, 1 skipped"))
        #expect(md.contains("| c | j2 | no regression in gap | FAILED |"))
        #expect(md.contains("No baseline was read"))
    }
}

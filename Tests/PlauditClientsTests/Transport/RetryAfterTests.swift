import Foundation
import PlauditClients
import Testing

@Suite("RetryAfter")
struct RetryAfterTests {
    let expected = Date(timeIntervalSince1970: 784_111_777)

    @Test("parses the three HTTP date forms")
    func httpDates() {
        #expect(RetryAfter.httpDate("Sun, 06 Nov 1994 08:49:37 GMT") == expected)
        #expect(RetryAfter.httpDate("Sunday, 06-Nov-94 08:49:37 GMT") == expected)
        #expect(RetryAfter.httpDate("Sun Nov  6 08:49:37 1994") == expected)
        #expect(RetryAfter.httpDate("06 Nov 1994") == nil)
        #expect(RetryAfter.httpDate("") == nil)
    }

    @Test("no header, no delay")
    func absent() {
        #expect(RetryAfter.delay(in: [:], now: expected) == nil)
        #expect(RetryAfter.delay(in: ["retry-after": " "], now: expected) == nil)
        #expect(RetryAfter.delay(in: ["retry-after": "Sun, 06 Nov 1994 08:50:37 GMT"], now: expected) == .seconds(60))
    }
}

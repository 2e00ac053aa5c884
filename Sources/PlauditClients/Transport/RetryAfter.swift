public import Foundation

/// Reads how long a server asked the client to wait before trying again.
///
/// `retry-after-ms` (milliseconds, OpenAI) wins over `retry-after`, which is either a number
/// of seconds or an HTTP date (RFC 9110 §10.2.3). A date in the past means "now". Values that
/// do not parse, or are negative, are ignored, so the caller falls back to its own back-off.
public enum RetryAfter {
    /// The wait the headers ask for, or `nil` when they ask for none that parses.
    /// - Parameters:
    ///   - headers: response headers with lower-cased names.
    ///   - now: the current wall-clock time, for the HTTP-date form.
    public static func delay(in headers: [String: String], now: Date) -> Duration? {
        if let text = headers["retry-after-ms"], let millis = Double(text.trimmingCharacters(in: .whitespaces)),
            millis.isFinite, millis >= 0
        {
            return .seconds(roundedToNanoseconds: millis / 1000)
        }
        guard let text = headers["retry-after"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return nil
        }
        if let seconds = Double(text) {
            return seconds.isFinite && seconds >= 0 ? .seconds(roundedToNanoseconds: seconds) : nil
        }
        guard let date = httpDate(text) else { return nil }
        let seconds = date.timeIntervalSince(now)
        return .seconds(roundedToNanoseconds: max(0, seconds))
    }

    /// Parses an HTTP date in any of the three forms RFC 9110 §5.6.7 requires recipients to
    /// accept: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850
    /// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
    public static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        let collapsed = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: collapsed) { return date }
        }
        return nil
    }
}

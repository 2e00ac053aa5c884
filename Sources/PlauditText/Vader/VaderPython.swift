/// The few Python `str` and `float` behaviours that VADER's results depend on, reproduced exactly:
/// which code points `str.split()` treats as whitespace, `str.isupper()`, the ASCII
/// `string.punctuation` set, and `round(x, n)` (correctly rounded, ties to even).
enum PythonText {
    /// Whether a code point is whitespace for `str.split()` / `str.strip()` (Unicode category Zs or
    /// bidirectional class WS, B or S). Note U+200B ZERO WIDTH SPACE is not.
    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        if value < 0x80 { return (value >= 9 && value <= 13) || (value >= 0x1C && value <= 0x20) }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `str.strip()`: the text without leading and trailing whitespace code points.
    static func stripped(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start].value) { start = scalars.index(after: start) }
        while end > start {
            let last = scalars.index(before: end)
            guard isSpace(scalars[last].value) else { break }
            end = last
        }
        return Substring(scalars[start..<end])
    }

    /// `str.strip()` on UTF-8: the part of `range` without leading and trailing whitespace code points.
    static func strippedRange(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end {
            let (value, length) = VaderTokenizer.decode(bytes, at: start)
            guard isSpace(value) else { break }
            start += length
        }
        while end > start {
            var last = end - 1
            while last > start, bytes[last] & 0xC0 == 0x80 { last -= 1 }
            guard isSpace(VaderTokenizer.decode(bytes, at: last).value) else { break }
            end = last
        }
        return start..<end
    }

    /// Whether an ASCII byte is in Python's `string.punctuation`.
    @inline(__always)
    static func isPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }

    /// `str.isupper()` for any text: no lower-case or title-case code point, and at least one
    /// upper-case one (by the Unicode `Lowercase`/`Uppercase` properties, as CPython's tables).
    static func isUpper(_ text: some Sequence<Unicode.Scalar>) -> Bool {
        var cased = false
        for scalar in text {
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }

    /// Python's `round(x, digits)` for a float: the decimal with `digits` places nearest to the
    /// exact binary value of `x` (ties to even), returned as the nearest double. Multiplying by
    /// 10^digits and rounding is not the same: the product is itself rounded, which moves values
    /// lying just beside a tie.
    static func round(_ x: Double, digits: Int) -> Double {
        guard x.isFinite else { return x }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        // Round the magnitude (ties to even is symmetric), so every subtraction below is exact.
        let magnitude = x.magnitude
        let product = magnitude * scale
        guard product < 0x1p52 else { return x }
        // magnitude * scale is exactly product + residual.
        let residual = (-product).addingProduct(magnitude, scale)
        let floor = product.rounded(.down)
        let aboveHalf = (product - floor) - 0.5
        var rounded = floor
        if aboveHalf > 0 || (aboveHalf == 0 && residual > 0) {
            rounded = floor + 1
        } else if aboveHalf == 0 && residual == 0 {
            // An exact tie: to even.
            if floor.truncatingRemainder(dividingBy: 2) != 0 { rounded = floor + 1 }
        }
        return x < 0 ? -(rounded / scale) : rounded / scale
    }
}

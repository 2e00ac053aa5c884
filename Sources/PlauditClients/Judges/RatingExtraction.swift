import Foundation

/// Turns a judge's output into a rating on the rubric's scale.
public enum RatingExtraction {
    /// The expected rating under the judge's next-token distribution, restricted to tokens that
    /// spell a rating on `scale`.
    ///
    /// Tokens are compared after trimming whitespace, so "7" and " 7" both count as 7 and their
    /// probabilities add up; the result is renormalised over the rating tokens present. Returns
    /// `nil` when no candidate spells a rating, and the probability mass the ratings had, so a
    /// caller can tell a confident judge from one that mostly wanted to say something else.
    public static func expectedRating(
        candidates: [(token: String, logprob: Double)],
        scale: ClosedRange<Int>
    ) -> (rating: Double, mass: Double)? {
        var mass = 0.0
        var weighted = 0.0
        for candidate in candidates {
            let text = candidate.token.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let value = Int(text), scale.contains(value), candidate.logprob.isFinite else { continue }
            let p = exp(candidate.logprob)
            mass += p
            weighted += p * Double(value)
        }
        return mass > 0 ? (weighted / mass, mass) : nil
    }

    /// The first whole number on `scale` in `text` that is not part of a longer number,
    /// or `nil`. "Rating: 7/9" gives 7; "17" on a 1–9 scale gives nothing.
    public static func firstRating(in text: String, scale: ClosedRange<Int>) -> Int? {
        var digits = ""
        for scalar in text.unicodeScalars + [" "] {
            if CharacterSet.decimalDigits.contains(scalar) && scalar.isASCII {
                digits.unicodeScalars.append(scalar)
            } else if !digits.isEmpty {
                if let value = Int(digits), scale.contains(value) { return value }
                digits = ""
            }
        }
        return nil
    }
}

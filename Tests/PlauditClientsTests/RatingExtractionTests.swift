import Foundation
import PlauditClients
import Testing

@Suite("Rating extraction")
struct RatingExtractionTests {
    @Test("Expected rating sums spellings of one rating and renormalises over ratings")
    func expectedRating() throws {
        let candidates: [(token: String, logprob: Double)] = [
            ("7", log(0.5)), (" 7", log(0.1)), ("8", log(0.2)), ("The", log(0.15)), ("10", log(0.05)),
        ]
        let result = try #require(RatingExtraction.expectedRating(candidates: candidates, scale: 1...9))
        // Ratings: 7 with 0.6, 8 with 0.2; "10" is off the scale and "The" is no rating.
        #expect(abs(result.mass - 0.8) < 1e-12)
        #expect(abs(result.rating - (7 * 0.6 + 8 * 0.2) / 0.8) < 1e-12)
    }

    @Test("On the validity rubric's 0–1 scale the expected rating is P(valid): P(1) renormalised over {0, 1}")
    func validityProbability() throws {
        let candidates: [(token: String, logprob: Double)] = [("1", log(0.6)), (" 0", log(0.2)), ("0", log(0.1)), ("Yes", log(0.1))]
        let result = try #require(RatingExtraction.expectedRating(candidates: candidates, scale: 0...1))
        #expect(abs(result.rating - 0.6 / 0.9) < 1e-12)
        #expect(abs(result.mass - 0.9) < 1e-12)
    }

    @Test("No rating token gives nil, never a middle score")
    func noRating() {
        #expect(RatingExtraction.expectedRating(candidates: [("I", -0.1), ("The", -2)], scale: 1...9) == nil)
        #expect(RatingExtraction.expectedRating(candidates: [], scale: 1...9) == nil)
    }

    @Test("The first whole number on the scale", arguments: [
        ("Rating: 7/9", 7), ("17 then 3", 3), ("I would give it a 4.", 4), ("9", 9),
    ])
    func firstRating(text: String, expected: Int) {
        #expect(RatingExtraction.firstRating(in: text, scale: 1...9) == expected)
    }

    @Test("Text without a rating on the scale gives nil", arguments: ["", "excellent", "10/10", "0"])
    func noFirstRating(text: String) {
        #expect(RatingExtraction.firstRating(in: text, scale: 1...9) == nil)
    }
}

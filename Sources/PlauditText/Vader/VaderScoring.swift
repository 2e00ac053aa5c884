import PlauditCore

/// VADER's aggregation of per-token valences into the four published scores.
///
/// - compound: the sum of valences, pushed away from zero by "!" (0.292 each, at most four) and
///   "?" (0.18 each for two or three, 0.96 for more), normalised by `x / sqrt(x² + 15)`;
/// - pos / neg / neu: positive valences each count `v + 1`, negative ones `|v| + 1`, neutral
///   tokens 1; the punctuation emphasis goes to the larger side; each is its share of the total.
///
/// Rounded like the package: pos, neg and neu to 3 decimals, compound to 4.
enum VaderScoring {
    static func scores(_ sentiments: [Double], exclamationMarks: Int, questionMarks: Int) -> SentimentScores {
        guard !sentiments.isEmpty else { return SentimentScores(negative: 0, neutral: 0, positive: 0, compound: 0) }
        let emphasis = punctuationEmphasis(exclamationMarks: exclamationMarks, questionMarks: questionMarks)

        var sum = 0.0
        for value in sentiments { sum += value }
        if sum > 0 {
            sum += emphasis
        } else if sum < 0 {
            sum -= emphasis
        }
        let compound = normalized(sum)

        var positive = 0.0
        var negative = 0.0
        var neutralCount = 0
        for value in sentiments {
            if value > 0 { positive += value + 1 }
            if value < 0 { negative += value - 1 }
            if value == 0 { neutralCount += 1 }
        }
        if positive > negative.magnitude {
            positive += emphasis
        } else if positive < negative.magnitude {
            negative -= emphasis
        }
        let total = positive + negative.magnitude + Double(neutralCount)
        return SentimentScores(
            negative: PythonText.round((negative / total).magnitude, digits: 3),
            neutral: PythonText.round((Double(neutralCount) / total).magnitude, digits: 3),
            positive: PythonText.round((positive / total).magnitude, digits: 3),
            compound: PythonText.round(compound, digits: 4))
    }

    /// Extra intensity from exclamation and question marks anywhere in the (emoji-translated) text.
    static func punctuationEmphasis(exclamationMarks: Int, questionMarks: Int) -> Double {
        let exclamation = Double(min(exclamationMarks, VaderRules.maxExclamations)) * VaderRules.exclamationBoost
        var question = 0.0
        if questionMarks > 1 {
            question =
                questionMarks <= 3 ? Double(questionMarks) * VaderRules.questionBoost : VaderRules.manyQuestionsBoost
        }
        return exclamation + question
    }

    /// Maps a valence sum into [−1, 1]; 15 approximates the largest expected sum.
    static func normalized(_ score: Double) -> Double {
        let value = score / (score * score + VaderRules.normalizationAlpha).squareRoot()
        return min(max(value, -1), 1)
    }
}

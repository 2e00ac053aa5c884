/// VADER's per-token rules: the valence of each token in context, before aggregation.
///
/// A token that is a booster, or "kind" followed by "of", scores 0; so does a word outside the
/// lexicon. A lexicon word starts from its mean valence and is then adjusted, in this order, by:
/// "no" nearby; capitals among lower-case words; for each of the three preceding words that is
/// not itself a lexicon word, a (distance-weighted) booster and a negation; special idioms (when
/// the third preceding word is examined); and "least". Finally the first "but" halves what comes
/// before it and multiplies what follows by 1.5.
enum VaderValence {
    static func sentiments(of tokens: [VaderToken]) -> [Double] {
        var upperCount = 0
        for token in tokens where token.isUpper { upperCount += 1 }
        // Capitals count as emphasis only when some tokens, but not all, are in capitals.
        let capsDiffer = upperCount > 0 && upperCount < tokens.count

        var sentiments: [Double] = []
        sentiments.reserveCapacity(tokens.count)
        for index in tokens.indices {
            let token = tokens[index]
            if token.isBooster {
                sentiments.append(0)
            } else if token.cue == .kind, index + 1 < tokens.count, tokens[index + 1].cue == .of {
                sentiments.append(0)
            } else if token.inLexicon {
                sentiments.append(valence(at: index, of: tokens, capsDiffer: capsDiffer))
            } else {
                sentiments.append(0)
            }
        }
        applyBut(tokens, to: &sentiments)
        return sentiments
    }

    /// The valence of the lexicon word at `index` in its context.
    static func valence(at index: Int, of tokens: [VaderToken], capsDiffer: Bool) -> Double {
        let token = tokens[index]
        var valence = token.valence

        // "no" directly before another lexicon word acts as a negation, not as a negative word.
        if token.cue == .no, index + 1 < tokens.count, tokens[index + 1].inLexicon {
            valence = 0
        }
        // Negated by "no" one or two words back, or three back in "no X or/nor <word>".
        if (index > 0 && tokens[index - 1].cue == .no) || (index > 1 && tokens[index - 2].cue == .no)
            || (index > 2 && tokens[index - 3].cue == .no
                && (tokens[index - 1].cue == .or || tokens[index - 1].cue == .nor))
        {
            valence = token.valence * VaderRules.negationFactor
        }
        if token.isUpper && capsDiffer {
            valence = valence > 0 ? valence + VaderRules.capsBoost : valence - VaderRules.capsBoost
        }

        for distance in 1...3 where index >= distance && !tokens[index - distance].inLexicon {
            var scalar = boosterScalar(tokens[index - distance], valence: valence, capsDiffer: capsDiffer)
            if distance > 1 && scalar != 0 { scalar *= VaderRules.boosterDistanceWeights[distance - 1] }
            valence = valence + scalar
            valence = negated(valence, at: index, distance: distance, of: tokens)
            if distance == 3 { valence = idioms(valence, at: index, of: tokens) }
        }
        return least(valence, at: index, of: tokens)
    }

    /// How much a preceding booster or dampener moves the valence: its scalar signed along the
    /// valence, plus the capitals bonus when it is written in capitals among lower-case words.
    @inline(__always)
    static func boosterScalar(_ token: VaderToken, valence: Double, capsDiffer: Bool) -> Double {
        guard token.isBooster else { return 0 }
        var scalar = token.booster
        if valence < 0 { scalar = -scalar }
        if token.isUpper && capsDiffer {
            scalar = valence > 0 ? scalar + VaderRules.capsBoost : scalar - VaderRules.capsBoost
        }
        return scalar
    }

    /// Negation by the word `distance` places back, with the exceptions "never so/this <word>"
    /// (intensifies) and "without doubt" (leaves the valence alone). As in the package, at distance
    /// three "so" or "this" directly before the word intensifies whatever precedes it.
    static func negated(_ valence: Double, at index: Int, distance: Int, of tokens: [VaderToken]) -> Double {
        let previous = tokens[index - distance]
        switch distance {
        case 1:
            return previous.negates ? valence * VaderRules.negationFactor : valence
        case 2:
            let before = tokens[index - 2].cue
            let next = tokens[index - 1].cue
            if before == .never && (next == .so || next == .this) { return valence * VaderRules.neverSoFactor }
            if before == .without && next == .doubt { return valence }
            return previous.negates ? valence * VaderRules.negationFactor : valence
        default:
            let third = tokens[index - 3].cue
            let second = tokens[index - 2].cue
            let first = tokens[index - 1].cue
            if (third == .never && (second == .so || second == .this)) || first == .so || first == .this {
                return valence * VaderRules.neverSoFactor
            }
            if third == .without && (second == .doubt || first == .doubt) { return valence }
            return previous.negates ? valence * VaderRules.negationFactor : valence
        }
    }

    /// Special phrases around the word (index ≥ 3). The first of the phrases ending at the word or
    /// just before it that matches sets the valence; then a phrase starting at the word overrides
    /// it; then a dampener phrase ("kind of") among the three preceding words adds its scalar.
    static func idioms(_ valence: Double, at index: Int, of tokens: [VaderToken]) -> Double {
        var valence = valence
        let word = tokens[index].cue
        let back1 = tokens[index - 1].cue
        let back2 = tokens[index - 2].cue
        let back3 = tokens[index - 3].cue
        if let special = VaderRules.special(back1, word) ?? VaderRules.special(back2, back1, word)
            ?? VaderRules.special(back2, back1) ?? VaderRules.special(back3, back2, back1)
            ?? VaderRules.special(back3, back2)
        {
            valence = special
        }
        if index + 1 < tokens.count, let special = VaderRules.special(word, tokens[index + 1].cue) {
            valence = special
        }
        if index + 2 < tokens.count,
            let special = VaderRules.special(word, tokens[index + 1].cue, tokens[index + 2].cue)
        {
            valence = special
        }
        if let scalar = VaderRules.boosterPhrase(back3, back2) { valence = valence + scalar }
        if let scalar = VaderRules.boosterPhrase(back2, back1) { valence = valence + scalar }
        return valence
    }

    /// "least" directly before the word negates it, except in "at least" and "very least".
    static func least(_ valence: Double, at index: Int, of tokens: [VaderToken]) -> Double {
        guard index > 0, !tokens[index - 1].inLexicon, tokens[index - 1].cue == .least else { return valence }
        if index > 1 {
            let before = tokens[index - 2].cue
            return before == .at || before == .very ? valence : valence * VaderRules.negationFactor
        }
        return valence * VaderRules.negationFactor
    }

    /// The contrastive "but": sentiment before the first "but" is halved, after it multiplied by 1.5.
    ///
    /// Reproduces the package's list handling exactly: it walks the list by position, and for each
    /// value rescales the *first* entry equal to it (which may be an earlier, already rescaled
    /// one) according to that entry's position. With repeated values some entries are rescaled
    /// twice and others not at all.
    static func applyBut(_ tokens: [VaderToken], to sentiments: inout [Double]) {
        guard let butIndex = tokens.firstIndex(where: { $0.cue == .but }) else { return }
        for position in sentiments.indices {
            let value = sentiments[position]
            var first = 0
            while sentiments[first] != value { first += 1 }
            if first < butIndex {
                sentiments[first] = value * VaderRules.beforeBut
            } else if first > butIndex {
                sentiments[first] = value * VaderRules.afterBut
            }
        }
    }
}

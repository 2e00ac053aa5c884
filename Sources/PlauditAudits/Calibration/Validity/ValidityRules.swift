import Foundation
public import PlauditCore

/// Cheap validity rules, applied before any model is asked, to responses whose validity neither
/// the data nor a labels file states: an empty or whitespace-only answer is invalid; an exact
/// copy of an earlier answer to the same prompt is kept once (the copies still count toward
/// their cluster's size, so the mainstream stays the mainstream, but form no pairs); an answer
/// containing one of the refusal patterns (case-insensitive) is invalid.
public struct ValidityRules: Sendable, Hashable {
    /// Case-insensitive substrings that mark a refusal; empty: no refusal rule.
    public var refusalPatterns: [String]

    public init(refusalPatterns: [String] = []) {
        self.refusalPatterns = refusalPatterns.map { $0.lowercased() }.filter { !$0.isEmpty }
    }

    /// What the rules decided.
    public struct Outcome: Sendable, Hashable {
        public var empty = 0
        public var duplicates = 0
        public var refusals = 0

        public init(empty: Int = 0, duplicates: Int = 0, refusals: Int = 0) {
            self.empty = empty
            self.duplicates = duplicates
            self.refusals = refusals
        }

        public var total: Int { empty + duplicates + refusals }

        /// `3 empty, 5 exact duplicates (kept once), 2 refusals`, naming only the rules that fired.
        public var summary: String {
            var parts: [String] = []
            if empty > 0 { parts.append("\(empty) empty") }
            if duplicates > 0 { parts.append("\(duplicates) exact duplicates (kept once)") }
            if refusals > 0 { parts.append("\(refusals) refusals") }
            return parts.joined(separator: ", ")
        }

        /// The manifest's counts.
        public var counts: [String: Int] {
            ["rule_empty": empty, "rule_duplicates": duplicates, "rule_refusals": refusals]
        }
    }

    /// Marks the responses the rules decide as invalid, in place.
    public func apply(to data: inout Dataset) -> Outcome {
        var outcome = Outcome()
        for i in data.items.indices {
            var seen: Set<String> = []
            for j in data.items[i].responses.indices {
                let response = data.items[i].responses[j]
                let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
                let copy = !seen.insert(text).inserted
                guard response.valid == nil else { continue }
                if text.isEmpty {
                    outcome.empty += 1
                } else if copy {
                    outcome.duplicates += 1
                } else if isRefusal(text) {
                    outcome.refusals += 1
                } else {
                    continue
                }
                data.items[i].responses[j].valid = false
            }
        }
        return outcome
    }

    func isRefusal(_ text: String) -> Bool {
        guard !refusalPatterns.isEmpty else { return false }
        let lowered = text.lowercased()
        return refusalPatterns.contains { lowered.contains($0) }
    }
}

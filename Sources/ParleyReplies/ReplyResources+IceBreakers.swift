/// Named constants of the ice-breaker ranking.
enum IceBreakerHeuristics {
    /// Each shared influence or collaboration beyond the first makes the opener this much stronger
    /// ("3 influences communes" beats one), up to `maximumExtra` of them.
    static let extraItemBonus = 0.5
    static let maximumExtra = 3
}

extension ReplyResources {
    /// Opening lines for a first message from the facts the caller passes, in the recipient's
    /// language and register, best first (the file's weight, plus a bonus for several shared items).
    /// Facts the caller does not give produce no line.
    /// - Complexity: O(facts + length of the texts); allocates the result.
    public func iceBreakers(for facts: ProfileFacts, language: ReplyLanguage, register: ReplyRegister = .vous) -> [IceBreaker] {
        var values = PlaceholderValues(catalog: placeholders)
        let and = language == .fr ? " et " : " and "
        func list(_ items: [String]) -> String? {
            let items = items.filter { !$0.isEmpty }
            guard let last = items.last else { return nil }
            return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + and + last
        }
        values.set("INFLUENCES", list(facts.sharedInfluences))
        // The count only for a plural: one shared influence takes the file's singular line.
        let influenceCount = facts.sharedInfluences.filter { !$0.isEmpty }.count
        values.set("NOMBRE_INFLUENCES", influenceCount > 1 ? String(influenceCount) : nil)
        values.set("COLLABORATION", list(facts.collaborations))
        values.set("REGION", facts.region)
        values.set("SORTIE", facts.recentRelease)
        values.set("MEDIA", facts.press)
        var result: [(order: Int, breaker: IceBreaker)] = []
        var buffer: [UInt8] = []
        var unfilled: [Int32] = []
        for (order, pattern) in iceBreakers(language).patterns.enumerated() {
            let items: Int
            switch pattern.fact {
            case .sharedInfluences: items = facts.sharedInfluences.filter { !$0.isEmpty }.count
            case .pastCollaboration: items = facts.collaborations.filter { !$0.isEmpty }.count
            case .region: items = facts.region?.isEmpty == false ? 1 : 0
            case .recentRelease: items = facts.recentRelease?.isEmpty == false ? 1 : 0
            case .press: items = facts.press?.isEmpty == false ? 1 : 0
            }
            guard items > 0 else { continue }
            let index = register == .tu ? 0 : 1
            // The first line whose placeholders the facts all fill (a plural line needs the count).
            var chosen: Int?
            for (candidate, text) in pattern.texts[index].enumerated() {
                buffer.removeAll(keepingCapacity: true)
                unfilled.removeAll(keepingCapacity: true)
                text.render(values: values, into: &buffer, unfilled: &unfilled)
                if unfilled.isEmpty {
                    chosen = candidate
                    break
                }
            }
            guard let chosen else { continue }
            let extra = Double(min(items - 1, IceBreakerHeuristics.maximumExtra)) * IceBreakerHeuristics.extraItemBonus
            result.append((order, IceBreaker(
                fact: pattern.fact, text: String(decoding: buffer, as: UTF8.self), score: pattern.weight + extra,
                source: pattern.sources[index][chosen])))
        }
        result.sort { $0.breaker.score != $1.breaker.score ? $0.breaker.score > $1.breaker.score : $0.order < $1.order }
        return result.map(\.breaker)
    }
}

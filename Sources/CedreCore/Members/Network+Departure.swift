extension Network {
    /// What ends when `member` leaves the federation on `day`: each certification not yet
    /// withdrawn is withdrawn, each group membership not yet ended is excluded, in dossier order.
    public func departureConsequences(of member: MemberID, on day: Day) -> [Fact] {
        dossiers.values.filter { $0.key.member == member }.sorted { $0.key < $1.key }.flatMap { dossier -> [Fact] in
            var facts: [Fact] = []
            if let state = dossier.advance(to: day).certification?.state, state != .withdrawn {
                facts.append(.certificationWithdrawn(dossier.key, reason: .memberLeft))
            }
            if let state = dossier.membership?.state, state != .excluded {
                facts.append(.membershipExcluded(dossier.key, reason: "member left the federation"))
            }
            return facts
        }
    }
}

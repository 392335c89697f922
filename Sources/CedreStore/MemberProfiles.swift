import CedreCore

/// The distinct profiles (region and types) of the members a status report counts, each
/// parsed once: members of the same kind are counted together, and only the few kinds are
/// turned into regions and types at the end.
struct MemberProfiles {
    /// A region and the types as a member's profile lists them: what the counts tell apart.
    struct Kind: Hashable {
        let region: String
        let types: [CompanyType]
    }

    /// Each kind once, in the order first met.
    private(set) var kinds: [Kind] = []
    private var known: [String: Int] = [:]

    /// The index in `kinds` of the profile a member row writes as its type code and region
    /// parted by U+001F (which a type code refuses; the region, free text, comes last and is
    /// read whole).
    mutating func index(of written: String, member: String) throws -> Int {
        if let existing = known[written] { return existing }
        let parts = written.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let types = CompanyType.parse(String(parts[0])) else {
            throw StoreError.notFound(.readableMemberRow(MemberID(rawValue: member)))
        }
        let index = kinds.count
        known[written] = index
        kinds.append(Kind(region: String(parts[1]), types: types))
        return index
    }

    /// The column `index(of:member:)` reads.
    static let writtenColumn = "type || char(31) || region"
}

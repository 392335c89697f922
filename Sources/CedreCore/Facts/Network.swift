import Foundation

/// A member as the network knows it: its profile and its time in the federation.
public struct MemberRecord: Equatable, Sendable {
    public var member: Member
    /// The day it joined the federation; nil when unknown, and then counted as always a member.
    public var joinedOn: Day?
    public var leftOn: Day?

    public init(member: Member, joinedOn: Day?, leftOn: Day? = nil) {
        self.member = member
        self.joinedOn = joinedOn
        self.leftOn = leftOn
    }

    /// Whether the member belongs to the federation on `day`.
    public func isMember(on day: Day) -> Bool {
        day >= (joinedOn ?? day) && leftOn.map { day <= $0 } ?? true
    }
}

/// The federation as the facts describe it: members and their dossiers.
///
/// Replaying facts through a network, in day order, is how the store checks a new fact, how
/// `rebuild` recomputes projections and how `--as-of` sees the past. Members are added
/// before any other fact is replayed: the day a member joined the federation is often
/// unknown, and never limits what can be recorded about its certifications.
public struct Network: Sendable {
    /// The schemes known so far: the catalog it was made with and the definitions replayed.
    public private(set) var catalog: SchemeCatalog
    public private(set) var members: [MemberID: MemberRecord] = [:]
    public private(set) var dossiers: [CertificationKey: Dossier] = [:]
    /// Rule 12: the recorded sample draws, oldest first.
    public private(set) var samples: [SampleRecord] = []
    /// The trained cross-auditors.
    public private(set) var auditors: [AuditorID: Auditor] = [:]
    /// Rule 15: declared client, supplier or partner links.
    public private(set) var links: Set<MemberLink> = []
    /// The cross-audit campaigns, by `scheme/year`.
    public private(set) var campaigns: [String: Campaign] = [:]
    /// The certificate numbers voided decisions were given: never handed out again.
    public private(set) var retiredCertificates: Set<String> = []
    /// The dossiers of each group scheme, in key order: group rules read them all, and only them.
    private var groupKeys: [SchemeID: [CertificationKey]] = [:]

    public init(catalog: SchemeCatalog) {
        self.catalog = catalog
    }

    /// Seeds the network with members known from elsewhere (a partial replay).
    public mutating func insert(_ record: MemberRecord) {
        members[record.member.id] = record
    }

    /// Notes a decision that was recorded, then voided: the certificate number it gave is
    /// retired, even though the decision no longer counts.
    public mutating func retireCertificate(of key: CertificationKey, decidedOn day: Day) {
        retiredCertificates.insert(RegistryEntry.certificateNumber(scheme: key.scheme, since: day, member: key.member))
    }

    /// Forgets a member seeded from elsewhere, before its own facts are replayed again.
    public mutating func removeMember(_ id: MemberID) {
        members[id] = nil
    }

    /// Applies one fact on `day`; a refused fact leaves the network unchanged.
    public mutating func apply(_ fact: Fact, on day: Day) throws(TransitionError) {
        switch fact {
        case .memberAdded(let member, let joined):
            guard members[member.id] == nil else { throw .duplicateMember(member.id) }
            members[member.id] = MemberRecord(member: member, joinedOn: joined)
        case .memberLeft(let id):
            try requireMember(id, on: day)
            members[id]?.leftOn = day
        case .memberAmended(let id, let amendment):
            try requireMember(id, on: day)
            guard let record = members[id] else { return }
            let amended = amendment.applied(to: record.member)
            if case .joined(let group) = amendment.group, !groupIsKnown(of: amended) {
                throw .unknownGroup(id, group: group)
            }
            members[id]?.member = amended
        case .correction:
            // Corrections are resolved by the log before anything is replayed: a network only
            // ever sees facts with their corrected content.
            return
        case .schemeAdded(let scheme):
            // The store opens with the log's definitions in its catalog already, so facts dated
            // before a definition's day replay; adding it again here changes nothing.
            if let refusal = catalog.refusal(ofAdding: scheme) { throw refusal }
            catalog = catalog.adding(scheme, on: day)
        case .sampleDrawn(let sample):
            try requireMember(sample.central, on: day)
            samples.append(sample)
        case .membersLinked(let link):
            try requireMember(link.first, on: day)
            try requireMember(link.second, on: day)
            links.insert(link)
        case .auditorAdded(let auditor):
            guard auditors[auditor.id] == nil else { throw .duplicateAuditor(auditor.id) }
            try requireMember(auditor.member, on: day)
            for scheme in auditor.trainedOn.keys where catalog[scheme] == nil { throw unknownScheme(scheme) }
            auditors[auditor.id] = auditor
        case .auditorQualified(let id, let scheme, let trainedOn):
            guard auditors[id] != nil else { throw .unknownAuditor(id, suggestion: NearestName.among(auditors.keys, to: id)) }
            guard catalog[scheme] != nil else { throw unknownScheme(scheme) }
            auditors[id]?.trainedOn[scheme] = trainedOn
        case .campaignPlanned(let scheme, let year, let seed, let assignments, let unassigned, let policies):
            try applyToCampaign(
                scheme, year, .planned(on: day, seed: seed, assignments: assignments, unassigned: unassigned, policies: policies))
        case .campaignSwapped(let scheme, let year, let assignment, let override):
            guard auditors[assignment.auditor] != nil else { throw .unknownAuditor(assignment.auditor, suggestion: NearestName.among(auditors.keys, to: assignment.auditor)) }
            try applyToCampaign(scheme, year, .swapped(on: day, assignment, override: override))
        case .campaignPublished(let scheme, let year):
            try applyToCampaign(scheme, year, .published(on: day))
        case .campaignCompleted(let scheme, let year):
            try applyToCampaign(scheme, year, .completed(on: day))
        default:
            guard let key = fact.key else { return }
            try requireMember(key.member, on: day)
            guard let latest = catalog[key.scheme] else { throw unknownScheme(key.scheme) }
            try checkGroupRules(fact, scheme: latest, on: day)
            // Found once and changed in place: reading the dossier to compare it with nil copies it.
            if let index = dossiers.index(forKey: key) {
                try dossiers.values[index].apply(fact, on: day)
            } else {
                // Rule 8b: a certification follows the definition in force the day it starts.
                var dossier = Dossier(key: key, scheme: catalog.scheme(key.scheme, startedOn: day) ?? latest)
                try dossier.apply(fact, on: day)
                dossiers[key] = dossier
                if latest.kind == .group {
                    var keys = groupKeys.removeValue(forKey: key.scheme) ?? []
                    keys.insert(key, at: keys.firstIndex { key < $0 } ?? keys.endIndex)
                    groupKeys[key.scheme] = keys
                }
            }
        }
    }

    private mutating func applyToCampaign(_ scheme: SchemeID, _ year: Int, _ event: Campaign.Event) throws(TransitionError) {
        guard catalog[scheme] != nil else { throw unknownScheme(scheme) }
        var campaign = campaigns["\(scheme)/\(year)"] ?? Campaign(scheme: scheme, year: year)
        try campaign.apply(event)
        campaigns[campaign.name] = campaign
    }

    /// The campaign of `scheme` for `year`, if one was planned.
    public func campaign(_ scheme: SchemeID, year: Int) -> Campaign? {
        campaigns["\(scheme)/\(year)"]
    }

    /// Whether `member`'s group, if it names one, is a GES of the network.
    public func groupIsKnown(of member: Member) -> Bool {
        guard let group = member.group else { return true }
        return group != member.id && members[group]?.member.types.contains(.ges) == true
    }

    /// The refusal of an undefined scheme, with the defined one it most likely meant.
    private func unknownScheme(_ scheme: SchemeID) -> TransitionError {
        .unknownScheme(scheme, suggestion: NearestName.among(catalog.ids, to: scheme))
    }

    private func requireMember(_ id: MemberID, on day: Day) throws(TransitionError) {
        guard let record = members[id] else { throw .unknownMember(id, on: day, suggestion: NearestName.among(members.keys, to: id)) }
        if let leftOn = record.leftOn, day > leftOn { throw .memberHasLeft(id, leftOn: leftOn, on: day) }
    }
}

extension Network {
    /// The group certificate of a group scheme, from the dossiers replayed so far.
    public func groupCertificate(_ scheme: SchemeID) -> GroupCertificate? {
        guard let definition = catalog[scheme], definition.kind == .group else { return nil }
        return GroupCertificate(scheme: definition, inKeyOrder: (groupKeys[scheme] ?? []).compactMap { dossiers[$0] })
    }

    /// The context a dossier's projection rows are written with: its group's, as of its own
    /// last fact.
    public func findingContext(for dossier: Dossier) -> FindingContext {
        guard let day = dossier.lastFactOn else { return .none }
        return findingContext(for: dossier, on: day)
    }

    /// Every notice of every dossier on `day`, group rules included.
    public func notices(on day: Day, horizon: Int) -> [Notice] {
        let contexts = findingContexts(on: day)
        let crossAudits = Dictionary(grouping: crossAuditNotices(on: day), by: \.key)
        return dossiers.keys.sorted().flatMap { key in
            let own = dossiers[key]?.notices(on: day, horizon: horizon, context: contexts[key.scheme] ?? .none) ?? []
            return own + (crossAudits[key] ?? [])
        }
    }

    /// The notices of one dossier on `day`: its own, and its group's rule 13 notices about it.
    public func notices(of key: CertificationKey, on day: Day, horizon: Int) -> [Notice] {
        guard let dossier = dossiers[key] else { return [] }
        let group = groupCertificate(key.scheme)
        return notices(
            of: dossier.advance(to: day), advancedTo: day, in: group, horizon: horizon,
            context: group?.findingContext(on: day) ?? .none)
    }

    /// The notices of `dossier`, advanced to `day`, given its group certificate (nil outside a
    /// group scheme) and the group's `context` that day: for a calendar, which asks on many
    /// days of one network and builds the group once.
    func notices(
        of dossier: Dossier, advancedTo day: Day, in group: GroupCertificate?, horizon: Int, context: FindingContext
    ) -> [Notice] {
        dossier.notices(advancedTo: day, horizon: horizon, context: context)
            + (group?.crossAuditNotices(on: day).filter { $0.key == dossier.key } ?? [])
    }

    /// Rules 9, 10 and 13: what a fact about a group scheme must respect across its dossiers.
    func checkGroupRules(_ fact: Fact, scheme: Scheme, on day: Day) throws(TransitionError) {
        guard scheme.kind == .group, let key = fact.key else { return }
        switch fact {
        case .certificationDecided, .certificationMaintained:
            guard dossiers[key]?.membership == nil, let group = groupCertificate(scheme.id) else { return }
            let blocks = group.blockingFindings(on: day).filter { $0.member != key.member }
            guard blocks.isEmpty else { throw .groupBlockedByFindings(key, findings: blocks, on: day) }
            if let audit = group.lastConductedCycleAudit(by: day) {
                let missing = group.sitesMissingCrossAudit(before: audit, on: day)
                guard missing.isEmpty else { throw .crossAuditsMissing(key, audit: audit.id, sites: missing, on: day) }
            }
        case .membershipJoined:
            let missing = groupCertificate(scheme.id)?.missingBeforeJoining(key.member, on: day) ?? []
            guard missing.isEmpty else { throw .joinRequirementsMissing(key, missing: missing, on: day) }
        case .findingAnswered(_, let origin, _, _):
            guard groupCertificate(scheme.id)?.findingOpeningAnInvestigation(origin, answeredBy: key.member) != nil else {
                throw .noSuchInvestigation(origin, key)
            }
        default:
            return
        }
    }
}

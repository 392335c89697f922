import Foundation

/// How one kind of fact is written to the log and read back: the fields its payload carries
/// (which `events.schema.json` and `export.schema.json` hold as one condition per kind), how a
/// fact of the kind fills its payload, and how a payload makes one.
///
/// Each kind has one declaration, below, with its three parts side by side; a test holds both
/// schema files and the payload goldens to them, kind by kind.
struct FactDeclaration: Sendable {
    let fields: PayloadFields
    /// Fills `payload` from a fact of this kind; the certification's member and scheme are
    /// already written.
    let write: @Sendable (Fact, inout FactPayload) -> Void
    /// The fact a payload of this kind states, or the first missing or invalid field.
    let read: @Sendable (PayloadReader) throws(FactPayloadError) -> Fact
}

extension Fact.Kind {
    /// The one declaration of what each kind's payload carries.
    ///
    /// An import refuses a missing field, or a field the kind does not carry, before anything
    /// is written.
    public var fields: PayloadFields { declaration.fields }

    var declaration: FactDeclaration {
        switch self {
        case .memberAdded: .memberAdded
        case .memberLeft: .memberLeft
        case .memberAmended: .memberAmended
        case .certificationEngaged: .certificationEngaged
        case .certificationDecided: .certificationDecided
        case .certificationMaintained: .certificationMaintained
        case .certificationSuspended: .certificationSuspended
        case .certificationRestored: .certificationRestored
        case .certificationWithdrawn: .certificationWithdrawn
        case .auditPlanned: .auditPlanned
        case .auditConfirmed: .auditConfirmed
        case .auditPostponed: .auditPostponed
        case .auditCancelled: .auditCancelled
        case .auditConducted: .auditConducted
        case .auditReported: .auditReported
        case .auditClosed: .auditClosed
        case .findingRaised: .findingRaised
        case .findingCorrected: .findingCorrected
        case .findingPlanProposed: .findingPlanProposed
        case .findingPlanAccepted: .findingPlanAccepted
        case .findingImplemented: .findingImplemented
        case .findingVerified: .findingVerified
        case .findingRegraded: .findingRegraded
        case .findingAnswered: .findingAnswered
        case .membershipApplied: .membershipApplied
        case .membershipJoined: .membershipJoined
        case .membershipSuspended: .membershipSuspended
        case .membershipReinstated: .membershipReinstated
        case .membershipExcluded: .membershipExcluded
        case .sampleDrawn: .sampleDrawn
        case .membersLinked: .membersLinked
        case .auditorAdded: .auditorAdded
        case .auditorQualified: .auditorQualified
        case .campaignPlanned: .campaignPlanned
        case .campaignSwapped: .campaignSwapped
        case .campaignPublished: .campaignPublished
        case .campaignCompleted: .campaignCompleted
        case .eventCorrected: .eventCorrected
        case .eventVoided: .eventVoided
        case .schemeAdded: .schemeAdded
        }
    }
}

// MARK: - Members

extension FactDeclaration {
    static let memberAdded = FactDeclaration(
        fields: PayloadFields([.member, .name, .type, .departement, .region], optional: [.joined, .group, .source]),
        write: { fact, payload in
            guard case .memberAdded(let member, let joined) = fact else { return }
            payload.member = member.id
            payload.joined = joined
            payload.name = member.name
            payload.type = member.typeCode
            payload.departement = member.departement
            payload.region = member.region
            payload.group = member.group
            payload.source = member.source
        },
        read: { reader throws(FactPayloadError) in
            let payload = reader.payload
            let types = try reader.types()
            return .memberAdded(Member(
                id: try reader.required(payload.member, "member"), name: try reader.required(payload.name, "name"),
                types: types, departement: try reader.required(payload.departement, "departement"),
                region: try reader.required(payload.region, "region"), group: payload.group, source: payload.source),
                joined: payload.joined)
        })

    static let memberLeft = FactDeclaration(
        fields: PayloadFields([.member]),
        write: { fact, payload in
            guard case .memberLeft(let id) = fact else { return }
            payload.member = id
        },
        read: { reader throws(FactPayloadError) in .memberLeft(try reader.required(reader.payload.member, "member")) })

    static let memberAmended = FactDeclaration(
        fields: PayloadFields([.member], optional: [.name, .type, .departement, .region, .group, .ungrouped]),
        write: { fact, payload in
            guard case .memberAmended(let id, let amendment) = fact else { return }
            payload.member = id
            payload.name = amendment.name
            payload.type = amendment.types.map(CompanyType.code(for:))
            payload.departement = amendment.departement
            payload.region = amendment.region
            switch amendment.group {
            case .joined(let group): payload.group = group
            case .left: payload.ungrouped = true
            case nil: break
            }
        },
        read: { reader throws(FactPayloadError) in
            let payload = reader.payload
            var amendment = MemberAmendment(
                name: payload.name, departement: payload.departement, region: payload.region,
                group: payload.group.map(MemberAmendment.GroupChange.joined))
            if payload.type != nil { amendment.types = try reader.types() }
            if payload.ungrouped == true {
                guard payload.group == nil else {
                    throw FactPayloadError(field: "ungrouped", message: "cannot go with a new group")
                }
                amendment.group = .left
            }
            guard amendment != MemberAmendment() else {
                throw FactPayloadError(field: "member", message: "an amendment changes at least one of name, type, departement, region, group")
            }
            return .memberAmended(try reader.required(payload.member, "member"), amendment)
        })

    /// Rule 15: a client, supplier or partner link between two members.
    static let membersLinked = FactDeclaration(
        fields: PayloadFields([.member, .other, .linkKind]),
        write: { fact, payload in
            guard case .membersLinked(let link) = fact else { return }
            payload.member = link.first
            payload.other = link.second
            payload.linkKind = link.kind.rawValue
        },
        read: { reader throws(FactPayloadError) in
            let payload = reader.payload
            return .membersLinked(MemberLink(
                try reader.required(payload.member, "member"), try reader.required(payload.other, "other"),
                kind: try reader.enumeration(payload.linkKind, "linkKind")))
        })
}

// MARK: - Certifications

extension FactDeclaration {
    /// A fact that names its certification and nothing else.
    private static func keyOnly(_ make: @escaping @Sendable (CertificationKey) -> Fact) -> FactDeclaration {
        FactDeclaration(
            fields: PayloadFields(PayloadReader.keyFields), write: { _, _ in },
            read: { reader throws(FactPayloadError) in make(try reader.key()) })
    }

    static let certificationEngaged = keyOnly(Fact.certificationEngaged)
    static let certificationDecided = keyOnly(Fact.certificationDecided)
    static let certificationMaintained = keyOnly(Fact.certificationMaintained)
    static let certificationRestored = keyOnly(Fact.certificationRestored)

    /// A decision about a certification that says why, in one of the scheme's reasons.
    private static func keyAndReason<Reason: RawRepresentable & CaseIterable & SendableMetatype>(
        _ make: @escaping @Sendable (CertificationKey, Reason) -> Fact, _ reason: @escaping @Sendable (Fact) -> Reason?
    ) -> FactDeclaration where Reason.RawValue == String {
        FactDeclaration(
            fields: PayloadFields(PayloadReader.keyFields + [.reason]),
            write: { fact, payload in payload.reason = reason(fact)?.rawValue },
            read: { reader throws(FactPayloadError) in make(try reader.key(), try reader.enumeration(reader.payload.reason, "reason")) })
    }

    static let certificationSuspended = keyAndReason(Fact.certificationSuspended) {
        if case .certificationSuspended(_, let reason) = $0 { reason } else { nil }
    }
    static let certificationWithdrawn = keyAndReason(Fact.certificationWithdrawn) {
        if case .certificationWithdrawn(_, let reason) = $0 { reason } else { nil }
    }
}

// MARK: - Audits

extension FactDeclaration {
    static let auditPlanned = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.audit, .auditKind, .scheduledOn], optional: [.auditors, .referential]),
        write: { fact, payload in
            guard case .auditPlanned(_, let audit, let kind, let scheduledOn, let auditors, let referential) = fact else { return }
            payload.referential = referential
            payload.audit = audit
            payload.auditKind = kind.rawValue
            payload.scheduledOn = scheduledOn
            payload.auditors = auditors.isEmpty ? nil : auditors
        },
        read: { reader throws(FactPayloadError) in
            let payload = reader.payload
            return .auditPlanned(
                try reader.key(), try reader.required(payload.audit, "audit"),
                kind: try reader.enumeration(payload.auditKind, "auditKind"),
                scheduledOn: try reader.required(payload.scheduledOn, "scheduledOn"), auditors: payload.auditors ?? [],
                referential: payload.referential)
        })

    static let auditConfirmed = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.audit, .scheduledOn], optional: [.auditors]),
        write: { fact, payload in
            guard case .auditConfirmed(_, let audit, let scheduledOn, let auditors) = fact else { return }
            payload.audit = audit
            payload.scheduledOn = scheduledOn
            payload.auditors = auditors
        },
        read: { reader throws(FactPayloadError) in
            let payload = reader.payload
            return .auditConfirmed(
                try reader.key(), try reader.required(payload.audit, "audit"),
                scheduledOn: try reader.required(payload.scheduledOn, "scheduledOn"), auditors: payload.auditors ?? [])
        })

    static let auditPostponed = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.audit, .scheduledOn], optional: [.reason]),
        write: { fact, payload in
            guard case .auditPostponed(_, let audit, let day, let reason) = fact else { return }
            payload.audit = audit
            payload.scheduledOn = day
            payload.reason = reason
        },
        read: { reader throws(FactPayloadError) in
            let payload = reader.payload
            return .auditPostponed(
                try reader.key(), try reader.required(payload.audit, "audit"),
                to: try reader.required(payload.scheduledOn, "scheduledOn"), reason: payload.reason ?? "")
        })

    static let auditCancelled = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.audit], optional: [.reason]),
        write: { fact, payload in
            guard case .auditCancelled(_, let audit, let reason) = fact else { return }
            payload.audit = audit
            payload.reason = reason
        },
        read: { reader throws(FactPayloadError) in
            .auditCancelled(try reader.key(), try reader.required(reader.payload.audit, "audit"), reason: reader.payload.reason ?? "")
        })

    /// A step of an audit that names the audit and nothing else.
    private static func auditStep(
        _ make: @escaping @Sendable (CertificationKey, AuditID) -> Fact, _ audit: @escaping @Sendable (Fact) -> AuditID?
    ) -> FactDeclaration {
        FactDeclaration(
            fields: PayloadFields(PayloadReader.keyFields + [.audit]),
            write: { fact, payload in payload.audit = audit(fact) },
            read: { reader throws(FactPayloadError) in make(try reader.key(), try reader.required(reader.payload.audit, "audit")) })
    }

    static let auditConducted = auditStep(Fact.auditConducted) { if case .auditConducted(_, let audit) = $0 { audit } else { nil } }
    static let auditReported = auditStep(Fact.auditReported) { if case .auditReported(_, let audit) = $0 { audit } else { nil } }
    static let auditClosed = auditStep(Fact.auditClosed) { if case .auditClosed(_, let audit) = $0 { audit } else { nil } }
}

// MARK: - Findings

extension FactDeclaration {
    static let findingRaised = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.finding, .audit, .grade, .requirement], optional: [.statement]),
        write: { fact, payload in
            guard case .findingRaised(_, let finding, let audit, let grade, let requirement, let statement) = fact else { return }
            payload.finding = finding
            payload.audit = audit
            payload.grade = grade
            payload.requirement = requirement
            payload.statement = statement
        },
        read: { reader throws(FactPayloadError) in
            let payload = reader.payload
            return .findingRaised(
                try reader.key(), try reader.required(payload.finding, "finding"),
                audit: try reader.required(payload.audit, "audit"), grade: try reader.required(payload.grade, "grade"),
                requirement: try reader.required(payload.requirement, "requirement"), statement: payload.statement ?? "")
        })

    static let findingCorrected = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.finding, .statement]),
        write: { fact, payload in
            guard case .findingCorrected(_, let finding, let statement) = fact else { return }
            payload.finding = finding
            payload.statement = statement
        },
        read: { reader throws(FactPayloadError) in
            .findingCorrected(
                try reader.key(), try reader.required(reader.payload.finding, "finding"),
                statement: try reader.required(reader.payload.statement, "statement"))
        })

    static let findingPlanProposed = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.finding], optional: [.statement]),
        write: { fact, payload in
            guard case .findingPlanProposed(_, let finding, let statement) = fact else { return }
            payload.finding = finding
            payload.statement = statement
        },
        read: { reader throws(FactPayloadError) in
            .findingPlanProposed(
                try reader.key(), try reader.required(reader.payload.finding, "finding"), statement: reader.payload.statement ?? "")
        })

    static let findingPlanAccepted = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.finding], optional: [.due]),
        write: { fact, payload in
            guard case .findingPlanAccepted(_, let finding, let due) = fact else { return }
            payload.finding = finding
            payload.due = due
        },
        read: { reader throws(FactPayloadError) in
            .findingPlanAccepted(try reader.key(), try reader.required(reader.payload.finding, "finding"), due: reader.payload.due)
        })

    static let findingImplemented = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.finding]),
        write: { fact, payload in
            guard case .findingImplemented(_, let finding) = fact else { return }
            payload.finding = finding
        },
        read: { reader throws(FactPayloadError) in
            .findingImplemented(try reader.key(), try reader.required(reader.payload.finding, "finding"))
        })

    static let findingVerified = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.finding, .effective]),
        write: { fact, payload in
            guard case .findingVerified(_, let finding, let effective) = fact else { return }
            payload.finding = finding
            payload.effective = effective
        },
        read: { reader throws(FactPayloadError) in
            .findingVerified(
                try reader.key(), try reader.required(reader.payload.finding, "finding"),
                effective: try reader.required(reader.payload.effective, "effective"))
        })

    static let findingRegraded = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.finding, .grade], optional: [.reason]),
        write: { fact, payload in
            guard case .findingRegraded(_, let finding, let grade, let reason) = fact else { return }
            payload.finding = finding
            payload.grade = grade
            payload.reason = reason
        },
        read: { reader throws(FactPayloadError) in
            .findingRegraded(
                try reader.key(), try reader.required(reader.payload.finding, "finding"),
                grade: try reader.required(reader.payload.grade, "grade"), reason: reader.payload.reason ?? "")
        })

    /// Rule 10: a group site's answer to the investigation a finding at another site opened.
    static let findingAnswered = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.finding, .affected], optional: [.statement]),
        write: { fact, payload in
            guard case .findingAnswered(_, let finding, let affected, let statement) = fact else { return }
            payload.finding = finding
            payload.affected = affected
            payload.statement = statement
        },
        read: { reader throws(FactPayloadError) in
            .findingAnswered(
                try reader.key(), try reader.required(reader.payload.finding, "finding"),
                affected: try reader.required(reader.payload.affected, "affected"), statement: reader.payload.statement ?? "")
        })
}

// MARK: - Group memberships and samples

extension FactDeclaration {
    static let membershipApplied = keyOnly(Fact.membershipApplied)
    static let membershipJoined = keyOnly(Fact.membershipJoined)
    static let membershipReinstated = keyOnly(Fact.membershipReinstated)

    /// A step of a group membership that may say why, in the officer's words.
    private static func keyAndNote(
        _ make: @escaping @Sendable (CertificationKey, String) -> Fact, _ reason: @escaping @Sendable (Fact) -> String?
    ) -> FactDeclaration {
        FactDeclaration(
            fields: PayloadFields(PayloadReader.keyFields, optional: [.reason]),
            write: { fact, payload in payload.reason = reason(fact) },
            read: { reader throws(FactPayloadError) in make(try reader.key(), reader.payload.reason ?? "") })
    }

    static let membershipSuspended = keyAndNote(Fact.membershipSuspended) {
        if case .membershipSuspended(_, let reason) = $0 { reason } else { nil }
    }
    static let membershipExcluded = keyAndNote(Fact.membershipExcluded) {
        if case .membershipExcluded(_, let reason) = $0 { reason } else { nil }
    }

    /// Rule 12: the sites drawn for a group's external audit, with the seed that replays the draw.
    static let sampleDrawn = FactDeclaration(
        fields: PayloadFields(PayloadReader.keyFields + [.year, .auditKind, .mode, .seed, .sites]),
        write: { fact, payload in
            guard case .sampleDrawn(let sample) = fact else { return }
            payload.member = sample.central
            payload.scheme = sample.scheme
            payload.year = sample.year
            payload.auditKind = sample.audit.rawValue
            payload.mode = sample.mode.rawValue
            payload.seed = String(sample.seed)
            payload.sites = sample.sites
        },
        read: { reader throws(FactPayloadError) in
            let payload = reader.payload
            let seed = try reader.seed()
            return .sampleDrawn(SampleRecord(
                scheme: try reader.required(payload.scheme, "scheme"), central: try reader.required(payload.member, "member"),
                year: try reader.required(payload.year, "year"), audit: try reader.enumeration(payload.auditKind, "auditKind"),
                mode: try reader.enumeration(payload.mode, "mode"), seed: seed, sites: try reader.required(payload.sites, "sites")))
        })
}

// MARK: - Auditors and campaigns

extension FactDeclaration {
    static let auditorAdded = FactDeclaration(
        fields: PayloadFields([.auditor, .name, .member, .schemes, .trainedOn], optional: [.validityMonths]),
        write: { fact, payload in
            guard case .auditorAdded(let auditor) = fact else { return }
            payload.auditor = auditor.id
            payload.name = auditor.name
            payload.member = auditor.member
            payload.schemes = auditor.trainedOn.keys.sorted()
            payload.trainedOn = auditor.trainedOn.values.min()
            payload.validityMonths = auditor.validityMonths
        },
        read: { reader throws(FactPayloadError) in
            let payload = reader.payload
            let trainedOn = try reader.required(payload.trainedOn, "trainedOn")
            let schemes = try reader.required(payload.schemes, "schemes")
            return .auditorAdded(Auditor(
                id: try reader.required(payload.auditor, "auditor"), name: try reader.required(payload.name, "name"),
                member: try reader.required(payload.member, "member"),
                trainedOn: Dictionary(schemes.map { ($0, trainedOn) }, uniquingKeysWith: { first, _ in first }),
                validityMonths: payload.validityMonths))
        })

    /// Rule 16: a new training for a scheme renews the auditor's qualification.
    static let auditorQualified = FactDeclaration(
        fields: PayloadFields([.auditor, .scheme, .trainedOn]),
        write: { fact, payload in
            guard case .auditorQualified(let auditor, let scheme, let trainedOn) = fact else { return }
            payload.auditor = auditor
            payload.scheme = scheme
            payload.trainedOn = trainedOn
        },
        read: { reader throws(FactPayloadError) in
            let payload = reader.payload
            return .auditorQualified(
                try reader.required(payload.auditor, "auditor"), scheme: try reader.required(payload.scheme, "scheme"),
                trainedOn: try reader.required(payload.trainedOn, "trainedOn"))
        })

    static let campaignPlanned = FactDeclaration(
        fields: PayloadFields([.scheme, .year, .seed], optional: [.assignments, .unassigned, .policies]),
        write: { fact, payload in
            guard case .campaignPlanned(let scheme, let year, let seed, let assignments, let unassigned, let policies) = fact else { return }
            payload.scheme = scheme
            payload.year = year
            payload.seed = String(seed)
            payload.assignments = assignments
            payload.unassigned = unassigned
            payload.policies = policies
        },
        read: { reader throws(FactPayloadError) in
            let payload = reader.payload
            let seed = try reader.seed()
            return .campaignPlanned(
                scheme: try reader.required(payload.scheme, "scheme"), year: try reader.required(payload.year, "year"),
                seed: seed, assignments: payload.assignments ?? [], unassigned: payload.unassigned ?? [],
                policies: payload.policies)
        })

    static let campaignSwapped = FactDeclaration(
        fields: PayloadFields([.scheme, .year, .assignments], optional: [.override]),
        write: { fact, payload in
            guard case .campaignSwapped(let scheme, let year, let assignment, let override) = fact else { return }
            payload.scheme = scheme
            payload.year = year
            payload.assignments = [assignment]
            payload.override = override
        },
        read: { reader throws(FactPayloadError) in
            let payload = reader.payload
            guard let assignment = try reader.required(payload.assignments, "assignments").first else {
                throw FactPayloadError(field: "assignments", message: "must hold the new assignment")
            }
            return .campaignSwapped(
                scheme: try reader.required(payload.scheme, "scheme"), year: try reader.required(payload.year, "year"),
                assignment, override: payload.override)
        })

    /// A step of a year's campaign that names the campaign and nothing else.
    private static func campaignStep(
        _ make: @escaping @Sendable (SchemeID, Int) -> Fact, _ campaign: @escaping @Sendable (Fact) -> (SchemeID, Int)?
    ) -> FactDeclaration {
        FactDeclaration(
            fields: PayloadFields([.scheme, .year]),
            write: { fact, payload in
                guard let (scheme, year) = campaign(fact) else { return }
                payload.scheme = scheme
                payload.year = year
            },
            read: { reader throws(FactPayloadError) in
                make(try reader.required(reader.payload.scheme, "scheme"), try reader.required(reader.payload.year, "year"))
            })
    }

    static let campaignPublished = campaignStep(Fact.campaignPublished) {
        if case .campaignPublished(let scheme, let year) = $0 { (scheme, year) } else { nil }
    }
    static let campaignCompleted = campaignStep(Fact.campaignCompleted) {
        if case .campaignCompleted(let scheme, let year) = $0 { (scheme, year) } else { nil }
    }
}

// MARK: - Corrections and schemes

extension FactDeclaration {
    /// A correction's target and reason, and for a correction its corrected fact.
    private static let correctionWrite: @Sendable (Fact, inout FactPayload) -> Void = { fact, payload in
        guard case .correction(let correction) = fact else { return }
        payload.target = correction.target.rawValue
        payload.targetKind = correction.targetKind.rawValue
        payload.stream = correction.stream.description
        payload.reason = correction.reason
        if case .corrected(let dated) = correction.change {
            payload.correctedOn = dated.day
            payload.corrected = .payload(dated.fact.payload)
        }
    }

    static let eventCorrected = FactDeclaration(
        fields: PayloadFields([.target, .targetKind, .stream, .reason, .correctedOn, .corrected]), write: correctionWrite,
        read: { reader throws(FactPayloadError) in .correction(try reader.correction(corrected: true)) })

    static let eventVoided = FactDeclaration(
        fields: PayloadFields([.target, .targetKind, .stream, .reason]), write: correctionWrite,
        read: { reader throws(FactPayloadError) in .correction(try reader.correction(corrected: false)) })

    /// Rule 8b: a scheme definition added to the register, or a revision of a known one.
    static let schemeAdded = FactDeclaration(
        fields: PayloadFields([.definition], optional: [.scheme]),
        write: { fact, payload in
            guard case .schemeAdded(let scheme) = fact else { return }
            payload.scheme = scheme.id
            payload.definition = scheme.canonicalJSON
        },
        read: { reader throws(FactPayloadError) in .schemeAdded(try reader.scheme()) })
}

import ArgumentParser
import CedreCore
import CedreFixtures
import CedreReports
import CedreStore
import Foundation

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Add, edit, list, show members of the federation, or record that one left.",
        discussion: """
            A member is a company, a GES (a group of companies) or a federation body; its \
            region follows from its département.

            EXAMPLE
              cedre member add --id solipass --name SOLIPASS --type GES --departement 49
              cedre member list --as-of 2013-12-31
              cedre member show solipass
            """,
        subcommands: [Add.self, Edit.self, List.self, Show.self, Leave.self, Link.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a member company, GES or federation body.",
            discussion: """
                The region is derived from the département when omitted; when given it must be \
                the département's federation region (as reports write it) or its 2013 region.

                EXAMPLE
                  cedre member add --id solipass --name "SOLIPASS" --type GES --departement 49
                  cedre member add --id solipass-tierce --name "SOLIPASS Tiercé" --type AI --departement 49 --group solipass --joined 01/03/2009
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: ArgumentHelp("A short lowercase id: letters, digits, dashes.", valueName: "id"))
        var id: String

        @Option(help: "The name as the federation writes it.")
        var name: String

        @Option(help: .memberType("The type"), completion: .memberTypes)
        var type: String

        @Option(help: ArgumentHelp("The département code: 01…95, 2A, 2B, 971…976.", valueName: "code"))
        var departement: String

        @Option(help: .region("The federation region, derived from the département when omitted"), completion: .regions)
        var region: String?

        @Option(help: ArgumentHelp("The id of the member's GES, if any.", valueName: "id"))
        var group: String?

        @Option(help: .day("The day it joined the federation", default: "none: a member on every day"))
        var joined: Day?

        @Option(help: "Where this record comes from (free text).")
        var source: String?

        func run() throws {
            let store = try self.store.openStore()
            let member = try MemberProfile.validate(
                id: id, name: name, type: type, departement: departement, region: region, group: group,
                source: source, departements: CedreFixtures.departements)
            try store.record(
                [DatedFact(.memberAdded(member, joined: joined), on: joined ?? self.store.today)], context: self.store.context)
            let words = Vocabulary(self.store.language)
            Output.write(words.say(
                "Adhérent \(member.id) ajouté (\(member.typeCode), \(member.departement), \(member.region)).\n",
                "Added member \(member.id) (\(member.typeCode), \(member.departement), \(member.region)).\n"))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Amend a member's name, type, département, region or GES from a day on.",
            discussion: """
                The amendment is a fact of its own, effective from --on (default today): reports \
                and shows as of an earlier day keep the member as it was then. Only the fields \
                given change; a new département brings its region unless --region is given, as \
                in 'member add'. To fix a mistyped addition instead, correct it ('cedre log', \
                'cedre correct').

                EXAMPLE
                  cedre member edit solipass --name "SOLIPASS Anjou" --on 2014-01-01
                  cedre member edit tremplin-57 --departement 54 --on 2014-07-01
                """)

        @OptionGroup var store: StoreOptions

        @Argument(help: "The member's id.")
        var member: String

        @Option(help: "The new name.")
        var name: String?

        @Option(help: .memberType("The new type"), completion: .memberTypes)
        var type: String?

        @Option(help: ArgumentHelp("The new département code; the region follows unless --region is given.", valueName: "code"))
        var departement: String?

        @Option(help: .region("The new federation region"), completion: .regions)
        var region: String?

        @Option(help: ArgumentHelp("The id of the GES it now belongs to.", valueName: "id"))
        var group: String?

        @Flag(name: .customLong("no-group"), help: "It no longer belongs to a GES.")
        var noGroup = false

        @Option(help: .day("The day the change takes effect", default: "--as-of, today"))
        var on: Day?

        func validate() throws {
            if group != nil && noGroup { throw UsageProblem.groupAndNoGroup.validationError }
            if [name, type, departement, region, group].allSatisfy({ $0 == nil }) && !noGroup {
                throw UsageProblem.nothingToAmend.validationError
            }
        }

        func run() throws {
            let day = on ?? store.today
            let event = try store.openExistingStore().amend(member: MemberID(rawValue: member), on: day, context: store.context) { current in
                let newDepartement = departement ?? current.departement
                return try MemberProfile.validate(
                    id: current.id.rawValue, name: name ?? current.name, type: type ?? current.typeCode,
                    departement: newDepartement, region: region ?? (departement == nil ? current.region : nil),
                    group: noGroup ? nil : group ?? current.group?.rawValue, source: current.source,
                    departements: CedreFixtures.departements)
            }
            guard case .memberAmended(_, let amendment) = try event.fact() else { return }
            let words = Vocabulary(store.language)
            let fields = amendment.changedFields.map(words.memberField).joined(separator: ", ")
            Output.write(words.say(
                "Adhérent \(member) modifié à partir du \(words.day(day)) : \(fields).\n",
                "Amended member \(member) from \(words.day(day)): \(fields).\n"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the members, with their certification state under each scheme.",
            discussion: """
                EXAMPLE
                  cedre member list --region "Pays de la Loire" --format csv > membres.csv
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Option(help: .region("Only members of this federation region"), completion: .regions)
        var region: String?

        @Option(help: .memberType("Only members of this type"), completion: .memberTypes)
        var type: String?

        func run() throws {
            let day = store.today
            let cedre = try store.openExistingStore()
            let standing = try cedre.standing(on: day, notices: false)
            let region = try self.region.map {
                try CedreFixtures.departements.region(named: $0, others: standing.members.map(\.member.region))
            }
            let types = try type.map { try CompanyType.matching($0) }
            var rows: [MemberSummary] = []
            standing.forEachMember { record, dossiers in
                guard record.isMember(on: day), region.map({ record.member.region == $0 }) ?? true,
                    types.map({ $0.allSatisfy(record.member.types.contains) }) ?? true
                else { return }
                rows.append(MemberSummary(record: record, standings: dossiers.map { ($0.key.scheme, $0.standing) }))
            }
            if output.format == .json { return Output.write(try Output.json(rows)) }
            let schemes = cedre.catalog.ids
            let words = Vocabulary(store.language)
            let table = Table(
                columns: words.columns([.id, .name, .type, .departement, .region]) + schemes.map(\.rawValue),
                rows: rows.map { row in
                    [row.id.rawValue, row.name, row.type, row.departement, row.region]
                        + schemes.map { scheme in row.certifications[scheme.rawValue].map { words.standing(raw: $0) } ?? "" }
                })
            Output.write(Output.render(table, as: output.format))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one member: profile, certifications and history.",
            discussion: """
                EXAMPLE
                  cedre member show solipass --as-of 2014-06-30
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The member's id.")
        var member: String

        func run() throws {
            let day = store.today
            let cedre = try store.openExistingStore()
            let id = MemberID(rawValue: member)
            let network = try cedre.network(of: id, through: day)
            guard let record = network.members[id] else {
                throw StoreError.notFound(.member(id, suggestion: NearestName.among(try cedre.members().map(\.member.id), to: id)))
            }
            let statuses = CertificationRegister(network: network, on: day).statuses(of: id)
            let sheets = statuses.compactMap { status -> CertificationSheet? in
                guard let dossier = network.dossiers[CertificationKey(member: id, scheme: status.scheme)] else { return nil }
                let context = network.findingContext(for: dossier, on: day)
                return CertificationSheet(dossier: dossier, status: status, on: day, context: context)
            }
            var summary = MemberSummary(record: record, statuses: statuses)
            summary.sheets = sheets
            if output.format == .json { return Output.write(try Output.json(summary)) }
            let words = Vocabulary(store.language)
            let joined = record.joinedOn.map { words.say("adhérent depuis le \(words.day($0))", "joined \(words.day($0))") }
                ?? words.say("adhérent (date d'adhésion inconnue)", "joined (day unknown)")
            var lines = [
                "\(record.member.name) (\(id))",
                words.say("type \(summary.type), département \(summary.departement), région \(summary.region)",
                          "type \(summary.type), département \(summary.departement), region \(summary.region)"),
                joined + (record.leftOn.map { words.say(", parti le \(words.day($0))", ", left \(words.day($0))") } ?? ""),
            ]
            if let group = record.member.group { lines.append(words.say("groupe \(group)", "group \(group)")) }
            if let source = record.member.source { lines.append(words.say("source : ", "source: ") + source) }
            for sheet in sheets {
                let since = sheet.since.map { words.say(" depuis le \(words.day($0))", " since \(words.day($0))") } ?? ""
                let expiry = sheet.expiresOn.map { words.say(", expire le \(words.day($0))", ", expires on \(words.day($0))") } ?? ""
                let standing = words.standing(sheet.state)
                lines += ["", words.say("\(sheet.scheme) : \(standing)\(since)\(expiry)", "\(sheet.scheme): \(standing)\(since)\(expiry)")]
                if let engaged = sheet.engagedOn { lines.append("  \(words.day(engaged))  " + words.say("engagé", "engaged")) }
                lines += sheet.historyLines(store.language).map { "  " + $0 }
            }
            Output.write(lines: lines)
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Declare a client, supplier or partner link between two members (rule 15).",
            discussion: """
                No auditor of one audits the other while the declared-link policy is on.

                EXAMPLE
                  cedre member link reel solipass --kind supplier
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "One member's id.")
        var member: String
        @Argument(help: "The other member's id.")
        var other: String
        @Option(help: "supplier, client or partner.")
        var kind: MemberLink.Kind
        @Option(help: .day("The day it was declared", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            let link = MemberLink(MemberID(rawValue: member), MemberID(rawValue: other), kind: kind)
            let day = try store.record([.membersLinked(link)], on: on)
            let words = Vocabulary(store.language)
            Output.write(words.say(
                "Lien déclaré entre \(member) et \(other) (\(words.linkKind(kind))) le \(words.day(day)).\n",
                "Linked \(member) and \(other) (\(words.linkKind(kind))) on \(words.day(day)).\n"))
        }
    }

    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "leave",
            abstract: "Record that a member left the federation: its certifications are withdrawn.",
            discussion: """
                Every certification still running is withdrawn (reason member-left) and every \
                group membership ends, on the same day, in the same transaction.

                EXAMPLE
                  cedre member leave tremplin-57 --on 2014-06-30
                """)

        @OptionGroup var store: StoreOptions

        @Argument(help: "The member's id.")
        var member: String

        @Option(help: .day("The day it left", default: "--as-of, today"))
        var on: Day?

        func run() throws {
            let id = MemberID(rawValue: member)
            let day = on ?? self.store.today
            let consequences = try self.store.openStore().leave(id, on: day, context: self.store.context)
            let words = Vocabulary(self.store.language)
            let ended = words.counted(
                consequences.count, ("certification ou appartenance à un groupe prend fin", "certifications ou appartenances à un groupe prennent fin"),
                ("certification or group membership ended", "certifications or group memberships ended"))
            Output.write(words.say("L'adhérent \(id) a quitté la fédération le \(words.day(day)) ; \(ended).\n",
                                   "Member \(id) left on \(words.day(day)); \(ended).\n"))
        }
    }
}

/// A member and its state under each scheme, as `member list` and `member show` print it.
struct MemberSummary: Encodable {
    let id: MemberID
    let name: String
    let type: String
    let departement: String
    let region: String
    let group: MemberID?
    let joinedOn: Day?
    let leftOn: Day?
    let source: String?
    /// Scheme id → state on the day asked.
    let certifications: [String: String]
    /// For `member show`: each certification in full, as `cert show --format json` writes it.
    var sheets: [CertificationSheet]?

    init(record: MemberRecord, statuses: [SchemeStatus]) {
        self.init(record: record, standings: statuses.map { ($0.scheme, $0.standing) })
    }

    init(record: MemberRecord, standings: [(scheme: SchemeID, standing: Standing)]) {
        id = record.member.id
        name = record.member.name
        type = record.member.typeCode
        departement = record.member.departement
        region = record.member.region
        group = record.member.group
        joinedOn = record.joinedOn
        leftOn = record.leftOn
        source = record.member.source
        certifications = Dictionary(standings.map { ($0.scheme.rawValue, $0.standing.rawValue) }, uniquingKeysWith: { $1 })
    }
}

import ArgumentParser
import CedreCore
import CedreFixtures
import CedreReports
import CedreStore
import Foundation

struct Initialize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty database (readable by its owner only), or migrate an existing one.",
        discussion: """
            EXAMPLE
              export CEDRE_DB=$HOME/qualite/cedre.sqlite
              cedre init
            """)
    @OptionGroup var store: StoreOptions

    func run() throws {
        let path = store.databasePath
        let existed = FileManager.default.fileExists(atPath: path)
        _ = try CedreStore.open(path: path)
        Output.write(existed ? "\(path) is ready (already a cedre database).\n" : "Created \(path).\n")
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import members (.csv or .json) or facts (.jsonl), all or nothing.",
        discussion: """
            The whole file is checked before anything is written: against its JSON Schema \
            (Schemas/json/members.schema.json or events.schema.json), then against the rules, \
            replaying every certification it touches. Every problem is listed as \
            file:line: field: message, and nothing is imported.

            A members CSV has the header id,name,type,departement,region,group (and optionally \
            joined, source); region may be empty and is then derived from the département; \
            group is the id of the member's GES. Semicolon-separated files from French \
            spreadsheets are accepted.

            EXAMPLE
              cedre import adherents.csv --dry-run
              cedre import adherents.csv --as-of 2013-12-31
            """)
    @OptionGroup var store: StoreOptions

    @Argument(help: "The file: members (.csv, .json) or facts (.jsonl).")
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Check the file and say what would be imported; write nothing.")
    var dryRun = false

    func run() throws {
        guard FileManager.default.isReadableFile(atPath: file) else { throw StoreError.notFound("the file \(file)") }
        let cedre = try store.openStore()
        let progress = Progress("import", total: nil, unit: "facts checked")
        let summary = try cedre.importFile(
            URL(fileURLWithPath: file), departements: CedreFixtures.departements, context: store.context, dryRun: dryRun,
            progress: { progress.update($0, total: $1) })
        progress.finish()
        let verb = summary.dryRun ? "would import" : "imported"
        let noun = summary.count == 1 ? String(summary.content.rawValue.dropLast()) : summary.content.rawValue
        Output.write("\(summary.file): \(verb) \(summary.count) \(noun).\n")
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the members and the whole event log as JSON, or the public certificate registry as CSV.",
        discussion: """
            The JSON validates against Schemas/json/export.schema.json; its events carry their \
            hashes, so a copy can be checked against the chain.

            --registry writes, as of --as-of, one CSV row per certificate ever issued, keyed by \
            a stable certificate number, with the public status certificate registries such as \
            IAF CertSearch use: Active, Suspended, Withdrawn, Expired, Cancelled.

            EXAMPLE
              cedre export > cedre-$(date +%F).json
              cedre export --registry --as-of 2013-12-31 > registre.csv
            """)
    @OptionGroup var store: StoreOptions

    @Flag(help: "Write the public certificate registry (CSV) instead of the log.")
    var registry = false

    func run() throws {
        let cedre = try store.openExistingStore()
        guard registry else {
            return Output.write(try Output.json(ExportDocument(members: try cedre.members(), events: try cedre.events())))
        }
        let day = store.today
        let network = try cedre.network(through: day)
        let rows = CertificationRegister(network: network, on: day).registry.map { entry in
            [entry.certificate, entry.member.rawValue, network.members[entry.member]?.member.name ?? "", entry.scheme.rawValue,
             entry.status.rawValue, entry.certifiedOn?.description ?? "", entry.expiresOn?.description ?? ""]
        }
        Output.write(CSVText.write([["certificate", "member", "name", "scheme", "status", "certified_on", "expires_on"]] + rows))
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database with SQLite's online backup, safe while others write.",
        discussion: """
            The copy's event log head (count, hash, day) is appended to the witness file, kept \
            apart from the database for 'cedre verify --witness'.

            EXAMPLE
              cedre backup /srv/sauvegardes/cedre-$(date +%F).sqlite --witness /srv/temoin/cedre
            """)
    @OptionGroup var store: StoreOptions
    @OptionGroup var witness: WitnessOptions

    @Argument(help: "Where to write the copy; must not exist yet.")
    var path: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CommandError.invalidArgument("\(path) already exists; choose a new file for the backup.")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
            FileManager.default.isWritableFile(atPath: folder)
        else { throw StoreError.notFound("a writable folder for \(path)") }
        let head = try store.openExistingStore().backup(to: path)
        try witness.append(head, on: store.today, consequence: "the backup \(path) was written, its head was not witnessed")
        Output.write("Backed up \(head.count) events to \(TerminalText.escape(path)).\n")
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the event log and the notice ledger, their chains, the schema and the projections.",
        discussion: """
            Walks the hash chains of the event log and of the notice ledger, compares the \
            schema (tables, indexes, triggers) with the one cedre ships, and checks that the \
            projections are what a replay of the log gives. With --witness (or CEDRE_WITNESS), \
            also proves that the log extends every head witnessed in that file: a log rewritten \
            with recomputed hashes, or cut short, no longer does.

            Exits 0 when everything holds; otherwise exits 65 and names the first broken row of \
            each chain, the first witnessed head no longer extended, and what differs in the schema.

            EXAMPLE
              cedre verify --witness /srv/temoin/cedre && cedre backup /srv/sauvegardes/cedre.sqlite
            """)
    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp(
        "Prove the log extends every head witnessed in this file (env CEDRE_WITNESS).", valueName: "file"))
    var witness: String?

    func run() throws {
        let witnessed = try WitnessOptions.witnessedHeads(option: witness)
        let report = try store.openExistingStore().verify(witnessed: witnessed ?? [])
        if let problem = report.problem { throw CommandError.verificationFailed(problem) }
        let heads = witnessed.map { ", the log extends the \($0.count) witnessed head(s)" } ?? ""
        Output.write("The event log holds: \(report.events) events chained, projections match the replay\(heads).\n")
    }
}

struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recompute every projection by replaying the event log.",
        discussion: """
            EXAMPLE
              cedre rebuild && cedre verify
            """)
    @OptionGroup var store: StoreOptions

    func run() throws {
        let progress = Progress("rebuild", total: nil, unit: "events")
        let events = try store.openExistingStore().rebuild { progress.update($0, total: $1) }
        progress.finish()
        Output.write("Rebuilt the projections from \(events) events.\n")
    }
}

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the event log: every fact, who recorded it and when.",
        discussion: """
            EXAMPLE
              cedre log --member solipass
              cedre log --last 20 --format json
            """)
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only the facts of this member (its own and its certifications').")
    var member: String?

    @Option(help: "Only the last N events.")
    var last: Int?

    func validate() throws {
        if let last, let problem = Bounds.problem("--last", last, in: Bounds.lastEvents) { throw ValidationError(problem) }
    }

    func run() throws {
        let cedre = try store.openExistingStore()
        if let member, try cedre.member(MemberID(rawValue: member)) == nil { throw StoreError.notFound("member \(member)") }
        let events = try cedre.events(member: member.map(MemberID.init(rawValue:)), limit: last)
        if output.format == .json { return Output.write(try Output.json(events.map(ExportDocument.Event.init))) }
        let table = Table(
            columns: ["id", "on", "kind", "stream", "actor", "recorded"],
            alignments: [.right, .left, .left, .left, .left, .left],
            rows: events.map { [String($0.id), $0.occurredOn.description, $0.kind, $0.stream, $0.actor, $0.recordedAt] })
        Output.write(Output.render(table, as: output.format))
    }
}

/// `cedre export`: members and every event with its chain.
struct ExportDocument: Encodable {
    struct Event: Encodable {
        let id: Int64
        let stream: String
        let kind: String
        let occurredOn: Day
        let recordedAt: String
        let actor: String
        let payload: FactPayload?
        let previousHash: String
        let hash: String

        init(_ event: LoggedEvent) {
            id = event.id
            stream = event.stream
            kind = event.kind
            occurredOn = event.occurredOn
            recordedAt = event.recordedAt
            actor = event.actor
            payload = try? JSONDecoder().decode(FactPayload.self, from: Data(event.payload.utf8))
            previousHash = event.previousHash
            hash = event.hash
        }
    }

    struct MemberLine: Encodable {
        let member: Member
        let joinedOn: Day?
        let leftOn: Day?
    }

    let format = "cedre-export/1"
    let members: [MemberLine]
    let events: [Event]

    init(members: [MemberRecord], events: [LoggedEvent]) {
        self.members = members.map { MemberLine(member: $0.member, joinedOn: $0.joinedOn, leftOn: $0.leftOn) }
        self.events = events.map(Event.init)
    }
}

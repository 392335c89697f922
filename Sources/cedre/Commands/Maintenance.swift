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
        _ = try StoreOptions.open(path, creating: true)
        let words = Vocabulary(store.language)
        Output.write(existed
            ? words.say("\(path) est prêt (déjà une base cedre).\n", "\(path) is ready (already a cedre database).\n")
            : words.say("\(path) créé.\n", "Created \(path).\n"))
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import members (.csv or .json) or facts (.jsonl or .csv), all or nothing.",
        discussion: """
            The whole file is checked before anything is written: against its JSON Schema \
            (Schemas/json/members.schema.json or events.schema.json), then against the rules, \
            replaying every certification it touches. Every problem of every line is listed as \
            file:line: field: message, and nothing is imported.

            A members CSV has the columns id, name, type, departement (required), region, group, \
            joined and source, in any order; region may be empty and is then derived from the \
            département; group is the id of the member's GES.

            A facts CSV has an on column (the day) and a kind column (certification.engaged, \
            audit.conducted... as in a .jsonl file), then one column per payload field of \
            events.schema.json (member, scheme, audit, auditKind, scheduledOn, finding, grade, \
            requirement, due, effective...). Flags are true or false (vrai/faux, oui/non), lists \
            are separated by |, assignments are a JSON list.

            CSV files are read as spreadsheets save them: , ; or tab separators (the header's), \
            UTF-8 with or without a byte order mark, or Windows-1252 when the file is not UTF-8 \
            (French Excel's default; the summary then says "read as Windows-1252", and a byte \
            Windows-1252 leaves undefined refuses the file), CRLF line ends, empty trailing \
            columns, days YYYY-MM-DD or DD/MM/YYYY. Headers may be French: Identifiant, Nom or \
            Raison sociale, Type, Département, Région, Groupe or GES, Date d'adhésion, Source; \
            Date, Événement, Adhérent, Référentiel, Type d'audit, Date prévue, Écart, Échéance... \
            matched ignoring case, accents, spaces, underscores, hyphens and apostrophes. A \
            column neither known nor empty is refused, with the list of the known ones.

            With --update, a members file may list members already registered: new ones are \
            added, changed ones amended from --as-of (only the fields that differ, keeping \
            their history), and members the file does not list are named but never removed. \
            It prints added N · amended M · unchanged K.

            EXAMPLE
              cedre import adherents.csv --dry-run
              cedre import adherents.csv --as-of 2013-12-31
              cedre import adherents-2014-06.csv --update --as-of 2014-06-30
            """)
    @OptionGroup var store: StoreOptions

    @Argument(help: "The file: members (.csv, .json) or facts (.jsonl, or .csv with on and kind columns).")
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Check the file and say what would be imported; write nothing.")
    var dryRun = false

    @Flag(help: ArgumentHelp(
        "Bring members up to date from the monthly file: add new ones, amend changed ones from --as-of (only the fields that differ); nobody is removed."))
    var update = false

    func run() throws {
        guard FileManager.default.isReadableFile(atPath: file) else { throw StoreError.notFound(.file(file)) }
        let cedre = try store.openStore()
        let progress = Progress("import", total: nil, unit: "facts checked")
        // The summary is written before the import is committed: an import whose answer could
        // not be written is not recorded.
        try cedre.importFile(
            URL(fileURLWithPath: file), departements: CedreFixtures.departements, context: store.context, dryRun: dryRun,
            update: update, progress: { progress.update($0, total: $1) }
        ) { summary in
            progress.finish()
            report(summary)
            try Output.confirmBeforeCommit()
        }
    }

    /// The summary of an import in the run's language.
    private func report(_ summary: ImportSummary) {
        let words = Vocabulary(store.language)
        let encoding = summary.encoding == .utf8 ? "" : words.say(" (lu en \(summary.encoding.rawValue))", " (read as \(summary.encoding.rawValue))")
        if let update = summary.update {
            var lines = [summary.dryRun
                ? words.say(
                    "\(summary.file)\(encoding) : \(update.added) à ajouter · \(update.amended) à modifier · \(update.unchanged) inchangés",
                    "\(summary.file)\(encoding): would be added \(update.added) · would be amended \(update.amended) · unchanged \(update.unchanged)")
                : words.say(
                    "\(summary.file)\(encoding) : \(update.added) ajoutés · \(update.amended) modifiés · \(update.unchanged) inchangés",
                    "\(summary.file)\(encoding): added \(update.added) · amended \(update.amended) · unchanged \(update.unchanged)")]
            if !update.missing.isEmpty {
                lines.append(words.say(
                    "Absents du fichier, laissés tels quels (\(update.missing.count)) : ",
                    "Not in the file, left as they are (\(update.missing.count)): ") + update.missing.map(\.rawValue).joined(separator: ", "))
            }
            return Output.write(lines: lines)
        }
        let count = summary.content == .members
            ? words.counted(summary.count, ("adhérent", "adhérents"), ("member", "members"))
            : words.counted(summary.count, ("fait", "faits"), ("fact", "facts"))
        Output.write(summary.dryRun
            ? words.say("\(summary.file) : importerait \(count)\(encoding).\n", "\(summary.file): would import \(count)\(encoding).\n")
            : words.say("\(summary.file) : \(count) importé\(summary.count > 1 ? "s" : "")\(encoding).\n", "\(summary.file): imported \(count)\(encoding).\n"))
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
            throw CommandError.backupExists(path)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
            FileManager.default.isWritableFile(atPath: folder)
        else { throw StoreError.notFound(.writableFolder(path)) }
        let head = try store.openExistingStore().backup(to: path)
        try witness.append(head, on: store.today, consequence: .backupNotWitnessed(path))
        let words = Vocabulary(store.language)
        let events = words.counted(head.count, ("événement sauvegardé", "événements sauvegardés"), ("event", "events"))
        Output.write(words.say("\(events) dans \(TerminalText.escape(path)).\n", "Backed up \(events) to \(TerminalText.escape(path)).\n"))
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
        let words = Vocabulary(store.language)
        let heads = witnessed.map { heads in
            let count = words.counted(heads.count, ("tête consignée", "têtes consignées"), ("witnessed head", "witnessed heads"))
            return words.say(", le journal prolonge \(count)", ", the log extends \(count)")
        } ?? ""
        let events = words.counted(report.events, ("événement chaîné", "événements chaînés"), ("event chained", "events chained"))
        Output.write(words.say(
            "Le journal tient : \(events), les projections concordent avec le rejeu\(heads).\n",
            "The event log holds: \(events), projections match the replay\(heads).\n"))
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
        let words = Vocabulary(store.language)
        let count = words.counted(events, ("événement", "événements"), ("event", "events"))
        Output.write(words.say("Projections reconstruites à partir de \(count).\n", "Rebuilt the projections from \(count).\n"))
    }
}

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the event log: every fact, who recorded it and when, and its corrections.",
        discussion: """
            A voided or corrected fact is marked, and its correction follows it with who \
            recorded each and why; the number in the first column is what 'cedre correct' \
            and 'cedre void' take.

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
        if let last { try UsageProblem.check("--last", last, in: Bounds.lastEvents) }
    }

    func run() throws {
        let cedre = try store.openExistingStore()
        if let member { _ = try cedre.existingMember(MemberID(rawValue: member)) }
        let entries = try cedre.history(member: member.map(MemberID.init(rawValue:)), limit: last)
        if output.format == .json { return Output.write(try Output.json(entries.map(ExportDocument.Event.init))) }
        let words = Vocabulary(store.language)
        let recorded: (String) -> String = output.format == .csv ? { $0 } : Log.recordedTimes(words)
        let table = Table(
            columns: [words.say("n°", "id")] + words.columns([.day, .event, .stream, .actor, .recorded, .correction]),
            alignments: [.right, .left, .left, .left, .left, .left, .left],
            rows: entries.map { entry in
                let event = entry.event
                return [String(event.id), output.days(words)(event.occurredOn), words.factKind(raw: event.kind), event.stream, event.actor,
                        recorded(event.recordedAt), Log.correctionNote(entry, words)]
            })
        Output.write(Output.render(table, as: output.format))
    }

    /// « 12/04/2013 14:05 », "2013-04-12 14:05": when an event was recorded, in Paris time (the
    /// stored text itself when the store did not write it). One calendar for every row.
    static func recordedTimes(_ words: Vocabulary) -> (String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .current
        return { instant in
            guard let date = RecordedAt.date(instant) else { return instant }
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            guard let day = Day(year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1) else { return instant }
            return "\(words.day(day)) \((parts.hour ?? 0).zeroPadded(to: 2)):\((parts.minute ?? 0).zeroPadded(to: 2))"
        }
    }

    /// « corrigé par le n° 7 (bob) », « corrige le n° 4 d'alice : jour 01/03/2013 — saisi le 11 ».
    static func correctionNote(_ entry: LogEntry, _ words: Vocabulary) -> String {
        if let link = entry.amends {
            let changes = entry.changes.isEmpty ? "" : entry.changes.map { change(in: $0, words) }.joined(separator: ", ") + " — "
            return link.voided
                ? words.say("annule le n° \(link.event) de \(link.actor) : \(changes)\(link.reason)", "voids #\(link.event) of \(link.actor): \(changes)\(link.reason)")
                : words.say("corrige le n° \(link.event) de \(link.actor) : \(changes)\(link.reason)", "corrects #\(link.event) of \(link.actor): \(changes)\(link.reason)")
        }
        if let link = entry.amendedBy {
            return link.voided
                ? words.say("annulé par le n° \(link.event) (\(link.actor))", "voided by #\(link.event) (\(link.actor))")
                : words.say("corrigé par le n° \(link.event) (\(link.actor))", "corrected by #\(link.event) (\(link.actor))")
        }
        return ""
    }

    /// « jour 01/03/2013 », "audit A-2013-0002", « due effacé ».
    private static func change(in change: LogEntry.Change, _ words: Vocabulary) -> String {
        switch change {
        case .day(let day): words.say("jour \(words.day(day))", "on \(words.day(day))")
        case .field(let field, let value): "\(field) \(value)"
        case .cleared(let field): words.say("\(field) effacé", "\(field) cleared")
        }
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
        /// For a voided or corrected event: the correction that counts now.
        var amendedBy: Link?
        /// For a correction: the event it names.
        var amends: Link?

        struct Link: Encodable {
            let event: Int64
            let actor: String
            let reason: String
            let voided: Bool

            init(_ link: LogEntry.Link) {
                event = link.event
                actor = link.actor
                reason = link.reason
                voided = link.voided
            }
        }

        init(_ entry: LogEntry) {
            self.init(entry.event)
            amendedBy = entry.amendedBy.map(Link.init)
            amends = entry.amends.map(Link.init)
        }

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

import ArgumentParser
import Foundation

/// `cedre`: the quality officers' record of certifications, audits, findings and cross-audits.
@main
struct Cedre: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cedre",
        abstract: "Certification cycles, audits, findings and cross-audits of a federation, from an append-only log.",
        discussion: """
            cedre records what people did and decided (engagements, audits, findings, decisions) \
            in a tamper-evident event log, and derives from those facts and a day everything the \
            calendar decides: surveillance overdue, certificate expired, restore window closed.

            Every fact carries the day it happened (--on); --as-of replays any past day.

            EXIT CODES
              0   success, nothing needs attention
              3   success, something needs attention (check)
              64  usage error
              65  bad input: a refused fact, an invalid import, an unknown id or name
              70  internal error
              73  cannot create a file: a missing folder, a folder, an existing file without --force
              74  input/output error: the output, a file or the database cannot be written or read

            ENVIRONMENT
              CEDRE_DB       the database file, when --db is not given
              CEDRE_ACTOR    who records the facts, when --actor is not given
              CEDRE_LANG     the language of output and messages, fr (default) or en, when --lang is not given
              CEDRE_WITNESS  the witness file of check, backup and verify, when --witness is not given
              XDG_DATA_HOME  the default database is $XDG_DATA_HOME/cedre/cedre.sqlite
              HOME           without XDG_DATA_HOME, it is $HOME/.local/share/cedre/cedre.sqlite
              NO_COLOR       when set and not empty, no colour even on a terminal

            EXAMPLE
              export CEDRE_DB=$(mktemp -d)/cedre.sqlite
              cedre init
              cedre member add --id solipass --name SOLIPASS --type GES --departement 49
              cedre cert engage solipass --scheme cedre --on 2013-01-10
            """,
        version: "0.1.0",
        subcommands: [
            Initialize.self, Demo.self, Import.self, Export.self, Backup.self, Verify.self, Rebuild.self, Log.self,
            Correct.self, VoidFact.self,
            MemberCommand.self, CertificationCommand.self, AuditCommand.self, FindingCommand.self, GroupCommand.self,
            AuditorCommand.self, SchemeCommand.self, CampaignCommand.self, Sample.self, Check.self, ReportCommand.self, Generate.self,
        ])
}

import CedreReports
import Foundation

extension OutputError {
    /// What could not be written, what became of the work, and what to do.
    func message(_ language: ReportLanguage) -> String {
        let words = Vocabulary(language)
        let output = self.output == "standard output" ? words.say("la sortie standard", "standard output")
            : self.output == "standard error" ? words.say("la sortie d'erreur", "standard error") : self.output
        let consequence: String
        switch self.consequence {
        case .inTheLog:
            consequence = words.say(
                "ce que la commande a enregistré, le cas échéant, est dans « cedre log »",
                "what the command recorded, if anything, is in 'cedre log'")
        case .noticesNotRecorded:
            consequence = words.say(
                "rien n'a été enregistré dans le registre des alertes : le prochain check signalera à nouveau ces alertes",
                "nothing was recorded in the notice ledger: the next check reports these notices again")
        case .nothingRecorded:
            consequence = words.say(
                "rien n'a été enregistré : la commande a été annulée", "nothing was recorded: the command was rolled back")
        case .backupNotWitnessed(let path):
            consequence = words.say(
                "la sauvegarde \(path) a été écrite, mais sa tête n'a pas été consignée dans le fichier témoin",
                "the backup \(path) was written, its head was not witnessed")
        }
        return words.say(
            "impossible d'écrire sur \(output) (\(reason)) ; \(consequence). Libérez le disque ou réparez ce qui lit la sortie, puis relancez la commande.",
            "could not write to \(output) (\(reason)); \(consequence). Free the disk or fix what reads the output, then run the command again.")
    }
}

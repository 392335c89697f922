import CedreCore
import Foundation

/// What `campaign plan` prints for a person: the counts, the policies, the cross-audits, the
/// manual swaps kept and given up, and why members are left out, a cause every one of them
/// shares said once.
extension CampaignPlanning {
    /// The most members named in a cause shared by all, before the rest are counted.
    static let namedLeftOut = 20

    /// The plan as terminal text in `language`, fitted to `style`; `recorded` says whether it was recorded.
    public func text(_ language: ReportLanguage, recorded: Bool, style: TerminalStyle = .plain) -> String {
        let words = Vocabulary(language)
        let campaign = plan.campaign
        let crossAudits = words.counted(plan.assignments.count + kept.count, ("audit croisé", "audits croisés"), ("cross-audit", "cross-audits"))
        let leftOut = words.counted(plan.unassigned.count, ("adhérent laissé de côté", "adhérents laissés de côté"), ("left out", "left out"))
        let distance = words.kilometres(plan.totalDistanceKilometres)
        let note = recorded ? "" : words.say(", non enregistré", ", not recorded")
        var text = style.wrap(words.say(
            "\(campaign.scheme) \(campaign.year) : \(crossAudits), \(leftOut), \(distance) (graine \(campaign.seed)\(note))",
            "\(campaign.scheme) \(campaign.year): \(crossAudits), \(leftOut), \(distance) (seed \(campaign.seed)\(note))")) + "\n"
        text += style.wrap(words.say("règles : ", "policies: ") + words.policies(policies)) + "\n\n"
        text += Table(
            columns: words.columns([.day, .member, .auditor, .auditorsMember, .distance]),
            alignments: [.left, .left, .left, .left, .right],
            rows: plan.assignments.map {
                [words.day($0.day), $0.member.rawValue, $0.auditor.rawValue, $0.auditorMember.rawValue, words.decimal($0.distanceKilometres)]
            }).text(style: style)
        if !kept.isEmpty {
            let overrides = kept.filter { $0.override != nil }.count
            let count = words.counted(kept.count, ("changement manuel gardé", "changements manuels gardés"), ("manual swap", "manual swaps"))
            let asOverrides = overrides == 0 ? "" : words.say(" (dont \(overrides) en dérogation)", " (\(overrides) as override\(overrides == 1 ? "" : "s"))")
            text += "\n" + words.say("\(count)\(asOverrides) :\n", "kept \(count)\(asOverrides):\n")
            for swap in kept {
                let override = swap.override.map { words.say(" (dérogation : \($0))", " (override: \($0))") } ?? ""
                text += words.say("  \(words.day(swap.day)) \(swap.member) par \(swap.auditor)\(override)\n",
                                  "  \(words.day(swap.day)) \(swap.member) by \(swap.auditor)\(override)\n")
            }
        }
        if !dropped.isEmpty {
            let count = words.counted(dropped.count, ("changement manuel abandonné", "changements manuels abandonnés"), ("manual swap", "manual swaps"))
            text += "\n" + words.say("\(count) :\n", "could not keep \(count):\n")
            for swap in dropped {
                text += words.say("  \(words.day(swap.day)) \(swap.member) par \(swap.auditor) : \(why(swap, words))\n",
                                  "  \(words.day(swap.day)) \(swap.member) by \(swap.auditor): \(why(swap, words))\n")
            }
        }
        if let cause = plan.sharedCause {
            let members = plan.unassigned.map(\.member.rawValue)
            let named = members.prefix(Self.namedLeftOut).joined(separator: ", ")
                + (members.count > Self.namedLeftOut ? words.say(" et \(members.count - Self.namedLeftOut) autres", " and \(members.count - Self.namedLeftOut) more") : "")
            text += "\n" + style.wrap(words.say("\(leftOut) : \(named).", "\(leftOut): \(named).")) + "\n"
            text += style.wrap(words.capitalized(words.sharedCause(cause, scheme: campaign.scheme, year: campaign.year))) + "\n"
            return text
        }
        for left in plan.unassigned {
            text += "\n" + words.say("\(left.member) sans auditeur :\n", "\(left.member) cannot be assigned:\n")
            for exclusion in left.whyNot {
                text += words.say("  \(exclusion.auditor) : \(words.constraint(exclusion.policy))\n", "  \(exclusion.auditor): \(words.constraint(exclusion.policy))\n")
            }
            if let relaxation = left.relaxation {
                let changes = relaxation.switchOff.map { "\($0.rawValue)=off" } + (relaxation.capacity.map { ["capacity=\($0)"] } ?? [])
                let switches = changes.map { "--policy \($0)" }.joined(separator: " ")
                text += words.say("  assouplissement minimal : \(switches) (alors \(relaxation.auditor))\n",
                                  "  smallest relaxation: \(switches) (then \(relaxation.auditor))\n")
            } else if left.whyNot.isEmpty {
                text += words.say("  aucun auditeur croisé n'est formé pour ce référentiel.\n", "  no cross-auditor is trained for this scheme.\n")
            } else {
                text += words.say("  aucun assouplissement des règles n'y suffit : le calendrier ne laisse aucun jour libre.\n",
                                  "  no policy relaxation makes it feasible (the calendar leaves no day).\n")
            }
        }
        return text
    }

    /// Why a swap was given up, in the officer's words.
    private func why(_ swap: DroppedSwap, _ words: Vocabulary) -> String {
        switch swap.reason {
        case .discarded: words.say("abandonné (--discard-swaps)", "discarded (--discard-swaps)")
        case .memberNotDue: words.say("la campagne n'audite plus cet adhérent", "the campaign no longer cross-audits this member")
        case .auditorNotInScheme: words.say("l'auditeur n'est plus auditeur croisé du référentiel", "the auditor is no longer a cross-auditor of the scheme")
        case .breaksPolicies:
            words.say("il enfreint \(words.list(swap.broken.map(words.constraint))) ; changez-le à nouveau avec --override --reason",
                      "it breaks \(words.list(swap.broken.map(words.constraint))); swap it again with --override --reason")
        }
    }
}

extension Vocabulary {
    /// The policies a campaign is planned with: « own-company, …, capacité 2 ; désactivées : reciprocal ».
    public func policies(_ policies: CampaignPolicies) -> String {
        let on = ImpartialityPolicy.allCases.filter { policies.enabled.contains($0) }
            .map { $0 == .capacity ? say("capacité \(policies.capacity)", "capacity \(policies.capacity)") : $0.rawValue }
        let off = ImpartialityPolicy.allCases.filter { !policies.enabled.contains($0) }.map(\.rawValue)
        let enabled = on.isEmpty ? say("aucune", "none") : on.joined(separator: ", ")
        return enabled + (off.isEmpty ? "" : say(" ; désactivées : ", "; off: ") + off.joined(separator: ", "))
    }

    /// « 1 234,5 km » or "1,234.5 km": a distance with one decimal.
    public func kilometres(_ distance: Double) -> String {
        decimal(distance) + " km"
    }

    /// « 12,5 » or "12.5": a number with one decimal.
    public func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return number(tenths / 10) + (language == .fr ? "," : ".") + String(abs(tenths % 10))
    }
}

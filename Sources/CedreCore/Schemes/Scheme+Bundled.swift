/// The bundled definitions, `Definitions/cedre.json` and `Definitions/cedre-iso.json`, compiled in.
///
/// Every command starts from the bundled catalog: decoding the two files through `Codable` at
/// each start took an eighth of a cold `cedre cert show`'s instructions (the runtime looks up
/// each coding-key type's conformances in the whole binary). The files stay what is shipped,
/// validated and shown; `SchemeDefinitionTests` checks that each value here is its file decoded.
extension Scheme {
    /// `Definitions/cedre.json`: the CEDRE referential's single-site certification.
    static let bundledCEDRE = Scheme(
        id: "cedre", name: "CEDRE", kind: .single, cycle: .bundled, grading: .bundled, group: nil,
        crossAudit: .bundled, referentialVersions: [
            ReferentialVersion(id: "cedre-v2", publishedOn: bundledDay(2010, 1, 1), transitionMonths: nil, lastAuditBeforeTransitionEndMonths: nil),
        ])

    /// `Definitions/cedre-iso.json`: the multi-site ISO 9001 group certificate.
    static let bundledCEDREISO = Scheme(
        id: "cedre-iso", name: "CEDRE ISO 9001", kind: .group, cycle: .bundled, grading: .bundled,
        group: GroupRules(
            centralFunctionInEveryAudit: true,
            sampling: SamplingRules(
                initialFactor: Ratio(1, 1), surveillanceFactor: Ratio(3, 5), recertificationFactor: Ratio(4, 5), minimumSample: 1,
                randomShare: Ratio(1, 4), nonSamplingSurveillanceShare: Ratio(3, 10)),
            minorEscalationSiteShare: Ratio(3, 4), crossAuditBeforeExternalAudit: true),
        crossAudit: .bundled, referentialVersions: [
            ReferentialVersion(
                id: "iso-9001:2008", publishedOn: bundledDay(2008, 11, 14), transitionMonths: nil, lastAuditBeforeTransitionEndMonths: nil),
            ReferentialVersion(
                id: "iso-9001:2015", publishedOn: bundledDay(2015, 9, 15), transitionMonths: 36, lastAuditBeforeTransitionEndMonths: 6),
        ])

    private static func bundledDay(_ year: Int, _ month: Int, _ day: Int) -> Day {
        guard let date = Day(year: year, month: month, day: day) else { preconditionFailure("\(year)-\(month)-\(day) is not a day") }
        return date
    }
}

extension CycleRules {
    /// The cycle both bundled schemes share: 3 years, surveillance each calendar year.
    fileprivate static let bundled = CycleRules(
        validityMonths: 36, firstSurveillanceWithinMonths: 12, surveillanceEachCalendarYear: true, restoreWindowMonths: 6,
        maximumSuspensionMonths: 6, recertificationPlanningMonths: 4, engagementStalledMonths: 24)
}

extension GradingScale {
    /// The four grades both bundled schemes share.
    fileprivate static let bundled = GradingScale(grades: [
        Grade(
            id: "major", label: LocalizedText(fr: "Non-conformité majeure", en: "Major nonconformity"), isNonconformity: true,
            decision: .blocksUntilVerified, deadline: .daysAfterAudit(90, cappedAtExpiry: true), whenOverdue: .suspensionTrigger,
            escalatesTo: nil),
        Grade(
            id: "minor", label: LocalizedText(fr: "Non-conformité mineure", en: "Minor nonconformity"), isNonconformity: true,
            decision: .blocksUntilPlanAccepted, deadline: .nextAudit, whenOverdue: .none, escalatesTo: "major"),
        Grade(
            id: "observation", label: LocalizedText(fr: "Observation", en: "Observation"), isNonconformity: false,
            decision: .none, deadline: nil, whenOverdue: .none, escalatesTo: nil),
        Grade(
            id: "opportunity", label: LocalizedText(fr: "Piste de progrès", en: "Opportunity for improvement"), isNonconformity: false,
            decision: .none, deadline: nil, whenOverdue: .none, escalatesTo: nil),
    ])
}

extension CrossAuditRules {
    /// Every impartiality policy on, two audits a year per auditor, qualifications valid 3 years.
    fileprivate static let bundled = CrossAuditRules(
        qualificationValidityMonths: 36, policies: Dictionary(uniqueKeysWithValues: ImpartialityPolicy.allCases.map { ($0, true) }),
        capacity: 2)
}

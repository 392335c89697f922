import CedreCore
import CedreJSON
import CedreReports
import CedreTestSupport
import Foundation
import Testing

/// Each report's JSON validates against `Schemas/json/report-<name>.schema.json`, read from
/// the repository so the file checked is the file shipped.
@Suite struct ReportSchemaTests {
    static func schema(_ name: String) throws -> JSONSchema {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("Schemas/json/report-\(name).schema.json"))
        return try JSONSchema(JSONParser.parse(data))
    }

    static func violations(of report: some Encodable, against name: String) throws -> [SchemaViolation] {
        try schema(name).validate(JSONParser.parse(JSONText.write(report)))
    }

    @Test(arguments: ReportGoldenTests.Report.allCases)
    func the2013JSONValidatesAgainstItsSchema(_ report: ReportGoldenTests.Report) throws {
        let violations = try ReportSchemaTests.schema(report.rawValue).validate(JSONParser.parse(report.json()))
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test func aFilteredStatusWithEveryListValidates() throws {
        // Given a network with a suspension, an expiry, an overdue surveillance and a due deadline
        var small = SmallNetwork()
        try small.add(.sample("solipass"))
        try small.add(.sample("reel", type: .ges))
        try small.apply(small.certification(of: "solipass", decidedOn: "2013-05-02"))
        try small.apply(small.certification(of: "reel", decidedOn: "2013-06-02"))
        try small.apply([(.certificationSuspended(.cedre("reel"), reason: .memberRequest), "2014-05-20")])
        let register = CertificationRegister(network: small.network, on: "2014-06-01")
        let report = StatusReport(
            register: register, filter: ReportFilter(region: "Pays de la Loire", scheme: "cedre"), horizonDays: 60)
        let typed = StatusReport(register: register, filter: ReportFilter(types: [.ai, .aci]), horizonDays: 60)
        #expect(!report.overdue.isEmpty)
        #expect(!report.suspended.isEmpty)
        let violations = try ReportSchemaTests.violations(of: StatusReport(register: register), against: "status")
            + ReportSchemaTests.violations(of: report, against: "status")
            + ReportSchemaTests.violations(of: typed, against: "status")
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test func anOverdueFindingValidates() throws {
        var small = SmallNetwork()
        try small.add(.sample("solipass"))
        try small.apply(Scenario.audited)
        let violations = try ReportSchemaTests.violations(of: FindingsReport(network: small.network, on: "2013-07-01"), against: "findings")
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test func theSchemaRejectsAReportMissingAField() throws {
        // A control: the validator does see a broken report
        var object = try JSONSerialization.jsonObject(with: Data(JSONText.write(Network2013.status).utf8)) as? [String: Any] ?? [:]
        object.removeValue(forKey: "counts")
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(!(try ReportSchemaTests.schema("status").validate(JSONParser.parse(data))).isEmpty)
    }
}

import CedreCore
import CedreFixtures
import Foundation

/// Measures the cross-audit planner on a generated campaign: writes the campaign as JSON for
/// `exact_optimum.py` (which recomputes every rule and solves it exactly with HiGHS) and prints
/// the planner's cost, bound and median time as one JSON line.
///
///     PlannerBenchmark --members 500 --seed 1 [--repeat 5] [--instance campaign.json]
///         [--departements Fixtures/departements.csv] [--capacity 2] [--auditor-shares 35,35,20,10]
///         [--no-reciprocal]
@main
struct PlannerBenchmark {
    struct Options {
        var members = 500
        var seed: UInt64 = 1
        var repeats = 5
        var instancePath: String?
        var departementsPath = "Fixtures/departements.csv"
        var reciprocal = true
        var capacity = 2
        var auditorShares: [Int]?
        var effort = CrossAuditPlanner.Effort.standard

        init(_ arguments: [String]) {
            var rest = arguments.dropFirst().makeIterator()
            while let argument = rest.next() {
                if argument == "--no-reciprocal" {
                    reciprocal = false
                    continue
                }
                let value = rest.next() ?? ""
                switch argument {
                case "--members": members = Int(value) ?? members
                case "--seed": seed = UInt64(value) ?? seed
                case "--repeat": repeats = Int(value) ?? repeats
                case "--instance": instancePath = value
                case "--departements": departementsPath = value
                case "--capacity": capacity = Int(value) ?? capacity
                case "--auditor-shares": auditorShares = value.split(separator: ",").compactMap { Int($0) }
                case "--work": effort.work = Int(value) ?? effort.work
                case "--work-per-member": effort.workPerMember = Int(value) ?? effort.workPerMember
                default: FileHandle.standardError.write(Data("unknown option \(argument)\n".utf8))
                }
            }
        }
    }

    static func main() throws {
        let options = Options(CommandLine.arguments)
        let generator = CrossAuditProblemGenerator(
            departements: try CedreFixtures.parseDepartements(String(contentsOfFile: options.departementsPath, encoding: .utf8)))
        var shape = CrossAuditProblemGenerator.Shape(members: options.members)
        if !options.reciprocal { shape.policies.remove(.reciprocal) }
        shape.capacity = options.capacity
        if let shares = options.auditorShares { shape.auditorsPerMemberPercent = shares }
        let problem = generator.problem(shape, seed: options.seed)
        if let path = options.instancePath {
            let data = try JSONSerialization.data(withJSONObject: campaignJSON(problem), options: [.sortedKeys])
            try data.write(to: URL(fileURLWithPath: path))
        }

        var seconds: [Double] = []
        var outcome: CrossAuditPlanner.Outcome?
        for _ in 0..<max(1, options.repeats) {
            let start = ContinuousClock.now
            outcome = CrossAuditPlanner.solve(problem, seed: options.seed, effort: options.effort)
            let elapsed = ContinuousClock.now - start
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        guard let outcome else { return }
        let result: [String: Any] = [
            "members": problem.members.count,
            "audited": problem.members.filter(\.needsCrossAudit).count,
            "auditors": problem.auditors.filter { $0.schemes.contains(problem.scheme) }.count,
            "assigned": outcome.plan.assignments.count,
            "cost": outcome.plan.totalDistanceKilometres,
            "lowerBound": outcome.lowerBoundKilometres,
            "proven": outcome.isProvenOptimal,
            "work": outcome.work,
            "seconds": seconds.sorted()[seconds.count / 2],
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// The campaign as the exact solver reads it: raw facts, so that it recomputes every rule itself.
    static func campaignJSON(_ problem: CrossAuditProblem) -> [String: Any] {
        func location(_ code: String) -> [Double] {
            guard let departement = problem.departements[code] else { return [0, 0] }
            return [departement.latitude, departement.longitude]
        }
        return [
            "scheme": problem.scheme.rawValue,
            "year": problem.year,
            "capacity": problem.capacity,
            "policies": problem.policies.map(\.rawValue).sorted(),
            "members": problem.members.map { member -> [String: Any] in
                var entry: [String: Any] = [
                    "id": member.id.rawValue, "departement": member.departement,
                    "location": location(member.departement), "needsCrossAudit": member.needsCrossAudit,
                ]
                if let group = member.group { entry["group"] = group.rawValue }
                if problem.policies.contains(.workingDay) {
                    entry["holidays"] = problem.holidays.holidays(in: problem.year, departement: member.departement).keys
                        .sorted().map(\.description)
                }
                if let day = member.externalAuditOn { entry["externalAuditOn"] = day.description }
                return entry
            },
            "auditors": problem.auditors.map { auditor -> [String: Any] in
                [
                    "id": auditor.id.rawValue, "member": auditor.member.rawValue,
                    "schemes": auditor.schemes.map(\.rawValue).sorted(), "trainedOn": auditor.trainedOn.description,
                    "validityMonths": auditor.validityMonths,
                ]
            },
            "declaredLinks": problem.declaredLinks.map { [$0.first.rawValue, $0.second.rawValue] }
                .sorted { ($0[0], $0[1]) < ($1[0], $1[1]) },
            "previousCampaign": problem.previousCampaign.map { [$0.audited.rawValue, $0.auditing.rawValue] }
                .sorted { ($0[0], $0[1]) < ($1[0], $1[1]) },
        ]
    }
}

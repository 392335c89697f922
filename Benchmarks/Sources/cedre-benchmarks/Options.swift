import Foundation

/// The runner's command line: `--members 100000 --years 2010-2016 --seed 1 --runs 5 --only import,check`.
struct Options {
    var members = 100_000
    var years = 2010...2016
    var seed: UInt64 = 1
    var runs = 5
    /// The benchmarks to run (all when empty): generate, import, check, status, show, rebuild, planner.
    var only: Set<String> = []

    static let usage = """
        usage: cedre-benchmarks [--members N] [--years FIRST-LAST] [--seed S] [--runs R] [--only a,b,…]
          benchmarks: generate import check status show rebuild planner
          needs the release cedre: swift build -c release -Xswiftc -static-executable --product cedre (in the repository root)
        """

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        func value(_ name: String) throws -> String {
            guard let value = remaining.popFirst() else { throw BenchmarkUsage("\(name) needs a value") }
            return value
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--members":
                guard let count = Int(try value(argument)), count > 0 else { throw BenchmarkUsage("--members must be a positive number") }
                members = count
            case "--years":
                let parts = try value(argument).split(separator: "-").compactMap { Int($0) }
                guard parts.count == 2, parts[0] <= parts[1] else { throw BenchmarkUsage("--years must read FIRST-LAST") }
                years = parts[0]...parts[1]
            case "--seed":
                guard let number = UInt64(try value(argument)) else { throw BenchmarkUsage("--seed must be a whole number") }
                seed = number
            case "--runs":
                guard let count = Int(try value(argument)), count > 0 else { throw BenchmarkUsage("--runs must be a positive number") }
                runs = count
            case "--only":
                only = Set(try value(argument).split(separator: ",").map(String.init))
            default:
                throw BenchmarkUsage("unknown argument \(argument)")
            }
        }
    }

    /// Whether `name` is among the benchmarks asked for.
    func wants(_ name: String) -> Bool {
        only.isEmpty || only.contains(name)
    }
}

/// A command-line mistake, printed with the usage.
struct BenchmarkUsage: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

import Foundation

/// An exact fraction, for the factors and shares of the rules (0.6·√x, 75 %, ⌈25 %⌉).
///
/// Sample sizes must be computed exactly: 0.8·√36 is 4.8 and must give 5, 0.6·√25 is 3 and
/// must give 3, not 4 as floating point can. A ratio written as a decimal number in a scheme
/// file is read back digit for digit, and the rounding is done in integers.
public struct Ratio: Hashable, Sendable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator > 0, "a ratio needs a positive denominator")
        let divisor = Ratio.greatestCommonDivisor(abs(numerator), denominator)
        self.numerator = numerator / max(divisor, 1)
        self.denominator = denominator / max(divisor, 1)
    }

    /// The ratio a decimal literal spells (0.6 is 3/5), or nil for more than 9 decimals.
    public init?(decimal text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), parts[0].first != "+" else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 9, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        var scale = 1
        for _ in fraction { scale *= 10 }
        let fractionValue = Int(fraction.isEmpty ? "0" : fraction) ?? 0
        let sign = parts[0].hasPrefix("-") ? -1 : 1
        self.init(whole * scale + sign * fractionValue, scale)
    }

    /// ⌈ratio × n⌉, exactly.
    public func ceilingOfProduct(with n: Int) -> Int {
        Ratio.ceilingDivision(numerator * n, denominator)
    }

    /// ⌈ratio × √x⌉, exactly: the least k ≥ 0 with k·d ≥ n·√x, that is (k·d)² ≥ n²·x.
    public func ceilingOfProductWithSquareRoot(of x: Int) -> Int {
        precondition(x >= 0 && numerator >= 0, "square roots of negative sizes are not samples")
        let target = numerator * numerator * x
        var k = Int(Double(numerator) * Double(x).squareRoot() / Double(denominator))
        k = max(k - 2, 0)
        while (k * denominator) * (k * denominator) < target { k += 1 }
        return k
    }

    /// Whether `part` out of `whole` reaches this ratio (part / whole ≥ ratio).
    public func isReached(by part: Int, of whole: Int) -> Bool {
        part * denominator >= numerator * whole
    }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    public var description: String {
        var digits = ""
        var remainder = abs(numerator) % denominator
        var count = 0
        while remainder != 0 && count < 9 {
            remainder *= 10
            digits.append(String(remainder / denominator))
            remainder %= denominator
            count += 1
        }
        let whole = "\(numerator < 0 ? "-" : "")\(abs(numerator) / denominator)"
        return digits.isEmpty ? whole : "\(whole).\(digits)"
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : greatestCommonDivisor(b, a % b)
    }

    private static func ceilingDivision(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? (a + b - 1) / b : -((-a) / b)
    }
}

extension Ratio: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        guard let ratio = Ratio(decimal: "\(value)") else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(value) is not a decimal ratio")
        }
        self = ratio
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(doubleValue)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

import GRDB

/// Rows read in member order, handed over member by member to a pass over the members in
/// the same order: a merge of two ordered scans.
///
/// The status counts join each member's standings, decisions and joinings to its profile this
/// way. A dictionary of every member's profile was a quarter of a status report at 100,000
/// members, and a join in SQLite looks each member up again in its primary key.
struct MemberOrderedRows<Value> {
    private let rows: RowCursor
    private let read: (Row) throws -> Value?
    /// The first row not handed over yet: its member, and its value (nil when `read` skips it).
    private var pending: (member: String, value: Value?)?

    /// `rows` start with the member id and are sorted by it (`ORDER BY member_id`, SQLite's
    /// binary order); `read` gives a row's value, or nil to skip it.
    init(_ rows: RowCursor, read: @escaping (Row) throws -> Value?) {
        self.rows = rows
        self.read = read
    }

    /// Hands `body` the value of each row of `member`; the rows of members before it, which
    /// the pass does not know, are passed over. Members must be asked in increasing order.
    mutating func take(_ member: String, _ body: (Value) throws -> Void) throws {
        while let next = try peek() {
            let order = Self.binaryOrder(next.member, member)
            if order > 0 { return }
            if order == 0, let value = next.value { try body(value) }
            pending = nil
        }
    }

    private mutating func peek() throws -> (member: String, value: Value?)? {
        if pending == nil, let row = try rows.next() {
            pending = (row[0], try read(row))
        }
        return pending
    }

    /// How `first` sorts against `second` (negative before, zero equal, positive after) in
    /// SQLite's BINARY collation: by UTF-8 bytes. Swift's own order holds canonically
    /// equivalent texts equal, which SQLite's does not.
    private static func binaryOrder(_ first: String, _ second: String) -> Int {
        var first = first
        var second = second
        return first.withUTF8 { left in
            second.withUTF8 { right in
                for (one, other) in zip(left, right) where one != other { return one < other ? -1 : 1 }
                return left.count - right.count
            }
        }
    }
}

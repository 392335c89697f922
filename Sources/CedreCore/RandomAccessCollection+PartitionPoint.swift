extension RandomAccessCollection {
    /// The first index from `start` on whose element `isPast` accepts, in a collection where
    /// every element it accepts comes after every element it refuses (sorted by what it
    /// tests); the end when it accepts none. A binary search: where a member's dossiers start
    /// and end, a member by its id, where a calendar's next day goes.
    func partitionPoint(from start: Index? = nil, where isPast: (Element) -> Bool) -> Index {
        var low = start ?? startIndex
        var count = distance(from: low, to: endIndex)
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isPast(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}

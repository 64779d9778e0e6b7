/// Order statistics by selection rather than sorting: the values at chosen
/// ranks of an unsorted column, by quickselect that recurses only into the
/// parts holding a wanted rank (expected O(n log k) for k ranks, against
/// O(n log n) for a sort). Three-way partitioning keeps columns with many
/// equal values (most trials claim nothing some years) linear.
public enum OrderStatistics {
    /// The k-th smallest value (k from 0) for each k of `ranks`, in the order asked.
    public static func select(_ values: [Double], ranks: [Int]) -> [Double] {
        precondition(ranks.allSatisfy { values.indices.contains($0) }, "a rank outside the values")
        let wanted = Array(Set(ranks)).sorted()
        var found = [Double](repeating: .nan, count: values.count == 0 ? 0 : wanted.count)
        var work = values
        work.withUnsafeMutableBufferPointer { buffer in
            select(buffer, 0, buffer.count, wanted, 0, wanted.count, &found)
        }
        return ranks.map { found[wanted.firstIndex(of: $0)!] }
    }

    /// The q-quantiles of `values` by linear interpolation between order
    /// statistics (numpy's default, position q·(n−1)), as `Stat.percentile(sorted:_:)` gives them.
    public static func quantiles(_ values: [Double], _ levels: [Double]) -> [Double] {
        let positions = levels.map { $0 * Double(values.count - 1) }
        let below = positions.map { Int($0.rounded(.down)) }
        let above = below.map { Swift.min($0 + 1, values.count - 1) }
        let selected = select(values, ranks: below + above)
        let k = levels.count
        return (0..<k).map { i in
            selected[i] + (selected[k + i] - selected[i]) * (positions[i] - Double(below[i]))
        }
    }

    /// Places in `found[w]` the value of rank `wanted[w]` for w in `from..<to`,
    /// all of which lie in `a[low..<high]`, which holds exactly the ranks `low..<high`.
    private static func select(_ a: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int,
                               _ wanted: [Int], _ from: Int, _ to: Int, _ found: inout [Double]) {
        guard from < to else { return }
        if high - low <= 24 {
            // Insertion sort for a short part.
            for i in (low + 1)..<high {
                let value = a[i]
                var j = i - 1
                while j >= low, a[j] > value {
                    a[j + 1] = a[j]
                    j -= 1
                }
                a[j + 1] = value
            }
            for w in from..<to { found[w] = a[wanted[w]] }
            return
        }
        // Median of the first, middle and last as the pivot.
        let (x, y, z) = (a[low], a[low + (high - low) / 2], a[high - 1])
        let pivot = max(min(x, y), min(max(x, y), z))
        // Three ways: a[low..<less] < pivot, a[less..<greater] == pivot, a[greater..<high] > pivot.
        let less = partition(a, low, high) { $0 < pivot }
        let greater = partition(a, less, high) { $0 <= pivot }
        var w = from
        while w < to, wanted[w] < less { w += 1 }
        select(a, low, less, wanted, from, w, &found)
        var v = w
        while v < to, wanted[v] < greater {
            found[v] = pivot
            v += 1
        }
        select(a, greater, high, wanted, v, to, &found)
    }

    /// Moves the values of a[low..<high] for which `goesFirst` holds to the
    /// front, in one pass that does not branch on the values (a mispredicted
    /// branch per value would cost more than the moves); returns where the
    /// others begin.
    @inline(__always)
    private static func partition(_ a: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int,
                                  _ goesFirst: (Double) -> Bool) -> Int {
        var boundary = low
        for i in low..<high {
            // a[low..<boundary] go first, a[boundary..<i] do not.
            let value = a[i]
            a[i] = a[boundary]
            a[boundary] = value
            boundary += goesFirst(value) ? 1 : 0
        }
        return boundary
    }
}

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

    /// Importance-sampled quantiles: for each level q the smallest value x with
    /// Σw·1[X > x]/n ≤ 1 − q, the tail read from the trials above x (with a
    /// relative slack of 10⁻¹² for rounding in the sums), by selection.
    public static func weightedQuantiles(_ values: [Double], weights: [Double], _ levels: [Double]) -> [Double] {
        precondition(!values.isEmpty && values.count == weights.count, "quantiles of no trials")
        let n = Double(values.count)
        // Targets on the weight above x, largest first: the lowest quantile is the largest tail.
        let targets = levels.indices.map { WeightTarget(level: $0, limit: (1 - levels[$0]) * (1 + 1e-12)) }
            .sorted { $0.limit > $1.limit }
        var found = [Double](repeating: .nan, count: levels.count)
        var work = zip(values, weights).map { WeightedValue(value: $0, weight: $1) }
        work.withUnsafeMutableBufferPointer { buffer in
            // Every target is met by the largest value (nothing lies above it); find the smallest that meets it.
            selectWeighted(buffer, 0, buffer.count, above: 0, n: n, targets[...], &found)
        }
        return found
    }

    /// Σw·1[X > x]/n at each of `thresholds` (ascending), in one pass over the values.
    public static func weightedShareAbove(_ values: [Double], weights: [Double], thresholds: [Double]) -> [Double] {
        precondition(values.count == weights.count && thresholds == thresholds.sorted())
        // A value's weight counts at the thresholds below it, thresholds[..<k]:
        // gathered at k, then summed from the top (no differences of large sums).
        var countsBelow = [Double](repeating: 0, count: thresholds.count + 1)
        for i in values.indices {
            var (low, high) = (0, thresholds.count)
            while low < high {
                let middle = (low + high) / 2
                if thresholds[middle] >= values[i] { high = middle } else { low = middle + 1 }
            }
            countsBelow[low] += weights[i]
        }
        let n = Double(values.count)
        var shares = [Double](repeating: 0, count: thresholds.count)
        var running = 0.0
        for k in thresholds.indices.reversed() {
            running += countsBelow[k + 1]
            shares[k] = running / n
        }
        return shares
    }

    private struct WeightedValue {
        var value: Double
        var weight: Double
    }

    private struct WeightTarget {
        /// Index of the level asked.
        let level: Int
        /// The largest Σw·1[X > x]/n allowed.
        let limit: Double
    }

    /// For each of `targets` (largest limit first), all met within a[low..<high]
    /// (whose values have `above` of weight, over n, above them all), the
    /// smallest value meeting it.
    private static func selectWeighted(_ a: UnsafeMutableBufferPointer<WeightedValue>, _ low: Int, _ high: Int,
                                       above: Double, n: Double, _ targets: ArraySlice<WeightTarget>,
                                       _ found: inout [Double]) {
        guard !targets.isEmpty else { return }
        if high - low <= 24 {
            // Insertion sort for a short part, then down from its largest value.
            for i in (low + 1)..<high {
                let item = a[i]
                var j = i - 1
                while j >= low, a[j].value > item.value {
                    a[j + 1] = a[j]
                    j -= 1
                }
                a[j + 1] = item
            }
            var weightAbove = above
            var end = high - 1
            var met = [Double](repeating: .nan, count: targets.count)
            while end >= low {
                var start = end
                while start > low && a[start - 1].value == a[end].value { start -= 1 }
                for (k, target) in targets.enumerated() where weightAbove / n <= target.limit { met[k] = a[end].value }
                for i in start...end { weightAbove += a[i].weight }
                end = start - 1
            }
            for (k, target) in targets.enumerated() { found[target.level] = met[k] }
            return
        }
        let (x, y, z) = (a[low].value, a[low + (high - low) / 2].value, a[high - 1].value)
        let pivot = max(min(x, y), min(max(x, y), z))
        let less = partition(a, low, high) { $0.value < pivot }
        let greater = partition(a, less, high) { $0.value <= pivot }
        var weightGreater = 0.0
        for i in greater..<high { weightGreater += a[i].weight }
        var weightEqual = 0.0
        for i in less..<greater { weightEqual += a[i].weight }
        // Largest limits first: those met by a value below the pivot, then by
        // the pivot, then only above it.
        let belowAbove = above + weightGreater + weightEqual
        let inLess = targets.prefix { less > low && belowAbove / n <= $0.limit }
        let rest = targets[inLess.endIndex...]
        let atPivot = rest.prefix { (above + weightGreater) / n <= $0.limit }
        for target in atPivot { found[target.level] = pivot }
        selectWeighted(a, low, less, above: belowAbove, n: n, inLess, &found)
        selectWeighted(a, greater, high, above: above, n: n, rest[atPivot.endIndex...], &found)
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
    private static func partition<Element>(_ a: UnsafeMutableBufferPointer<Element>, _ low: Int, _ high: Int,
                                           _ goesFirst: (Element) -> Bool) -> Int {
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

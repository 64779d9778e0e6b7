/// The typed results of the analyses (README, "Policy analyses"). Their JSON
/// forms (analysis.json) are their `Codable` conformances.

/// The headline statistics of one run, by `HeadlineStatistic`.
public struct HeadlineValues: Sendable, Codable, Equatable {
    /// In the order of `HeadlineStatistic.allCases`.
    public var values: [Double]

    public init(_ summary: RunSummary) { values = HeadlineStatistic.allCases.map { $0.value(summary) } }

    public subscript(statistic: HeadlineStatistic) -> Double {
        values[HeadlineStatistic.allCases.firstIndex(of: statistic)!]
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        for (statistic, value) in zip(HeadlineStatistic.allCases, values) { try c.encode(value, forKey: JSONKey(statistic.rawValue)) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: JSONKey.self)
        values = try HeadlineStatistic.allCases.map { try c.decode(Double.self, forKey: JSONKey($0.rawValue)) }
    }
}

// MARK: - Size

/// `size`: the base run, recorded in results.json with the estimates appended
/// as `size`, and the estimates alone (analysis.json).
public struct SizeResults: Sendable, Codable {
    public var run: RunResults
    /// One per target ruin probability, in the order asked.
    public var estimates: [SizeEstimate]

    public init(run: RunResults, estimates: [SizeEstimate]) {
        self.run = run
        self.estimates = estimates
    }

    /// analysis.json: one estimate as an object, several as an array.
    public var estimatesDocument: SizeEstimateList { SizeEstimateList(estimates) }

    public func encode(to encoder: Encoder) throws {
        try run.encode(to: encoder)
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(estimatesDocument, forKey: JSONKey("size"))
    }

    public init(from decoder: Decoder) throws {
        run = try RunResults(from: decoder)
        estimates = try decoder.container(keyedBy: JSONKey.self).decode(SizeEstimateList.self, forKey: JSONKey("size")).items
    }
}

/// Size estimates as `size` writes them: an object for one, an array for several.
public struct SizeEstimateList: Sendable, Codable {
    public var items: [SizeEstimate]

    public init(_ items: [SizeEstimate]) { self.items = items }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if items.count == 1 { try c.encode(items[0]) } else { try c.encode(items) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let list = try? c.decode([SizeEstimate].self) { items = list } else { items = [try c.decode(SizeEstimate.self)] }
    }
}

// MARK: - Compare

/// `compare`: every column's run, and each column's differences from the first.
public struct CompareResults: Sendable, Codable {
    public struct Column: Sendable {
        /// The column's label: the scenario's name, with " + stress" for a stress column.
        public var label: String
        public var results: RunResults

        public init(label: String, results: RunResults) {
            self.label = label
            self.results = results
        }
    }

    /// Column `run` against the first column (`versus`).
    public struct Delta: Sendable, Codable {
        public var run: String
        public var versus: String
        /// By `HeadlineStatistic`.
        public var differences: [PairedDifference]

        public init(run: String, versus: String, differences: [PairedDifference]) {
            self.run = run
            self.versus = versus
            self.differences = differences
        }

        public subscript(statistic: HeadlineStatistic) -> PairedDifference {
            differences[HeadlineStatistic.allCases.firstIndex(of: statistic)!]
        }

        enum CodingKeys: String, CodingKey { case run, versus, statistics }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(run, forKey: .run)
            try c.encode(versus, forKey: .versus)
            var statistics = c.nestedContainer(keyedBy: JSONKey.self, forKey: .statistics)
            for (statistic, difference) in zip(HeadlineStatistic.allCases, differences) {
                try statistics.encode(difference, forKey: JSONKey(statistic.rawValue))
            }
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            run = try c.decode(String.self, forKey: .run)
            versus = try c.decode(String.self, forKey: .versus)
            let statistics = try c.nestedContainer(keyedBy: JSONKey.self, forKey: .statistics)
            differences = try HeadlineStatistic.allCases.map {
                try statistics.decode(PairedDifference.self, forKey: JSONKey($0.rawValue))
            }
        }
    }

    public var columns: [Column]
    /// One per column after the first.
    public var deltas: [Delta]

    public init(columns: [Column], deltas: [Delta]) {
        self.columns = columns
        self.deltas = deltas
    }

    enum CodingKeys: String, CodingKey { case runs, deltas }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(columns.map(\.results), forKey: .runs)
        try c.encode(deltas, forKey: .deltas)
    }

    /// Labels are read back from the deltas (the first column's is every delta's `versus`).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let runs = try c.decode([RunResults].self, forKey: .runs)
        deltas = try c.decode([Delta].self, forKey: .deltas)
        let labels = [deltas.first?.versus] + deltas.map(\.run)
        columns = runs.enumerated().map { k, run in
            Column(label: (k < labels.count ? labels[k] : nil) ?? run.metadata.scenarioName, results: run)
        }
    }
}

// MARK: - Sweep

/// One grid key set to one value, as given on the command line.
public struct SweepSetting: Sendable, Equatable {
    /// The scenario key path (`pool.initial_balance`).
    public var path: String
    /// The value as written (`80000000`, `fifo`).
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The value in JSON: a number when it reads as one.
    public var value: JSONValue { Self.value(text) }

    static func value(_ text: String) -> JSONValue {
        if let integer = Int(text) { return .int(integer) }
        if let number = Double(text) { return .number(number) }
        return .string(text)
    }

    /// The text of a recorded value.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case let .string(text): text
        case let .int(number): String(number)
        default: value.rendered(indent: false)
        }
    }
}

/// `sweep`: the headline and summary statistics at every point of a grid.
public struct SweepResults: Sendable, Codable {
    /// A grid key and its values, as given.
    public struct Axis: Sendable, Codable {
        public var path: String
        public var values: [String]

        public init(path: String, values: [String]) {
            self.path = path
            self.values = values
        }

        enum CodingKeys: String, CodingKey { case path, values }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(values.map(SweepSetting.value), forKey: .values)
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            path = try c.decode(String.self, forKey: .path)
            values = try c.decode([JSONValue].self, forKey: .values).map(SweepSetting.text)
        }
    }

    public struct Point: Sendable, Codable {
        /// One setting per axis, in axis order.
        public var settings: [SweepSetting]
        public var headline: HeadlineValues
        public var summary: RunSummary

        public init(settings: [SweepSetting], headline: HeadlineValues, summary: RunSummary) {
            self.settings = settings
            self.headline = headline
            self.summary = summary
        }

        enum CodingKeys: String, CodingKey { case settings = "set", headline, summary }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            var set = c.nestedContainer(keyedBy: JSONKey.self, forKey: .settings)
            for setting in settings { try set.encode(setting.value, forKey: JSONKey(setting.path)) }
            try c.encode(headline, forKey: .headline)
            try c.encode(summary, forKey: .summary)
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            guard case let .object(members) = try c.decode(JSONValue.self, forKey: .settings) else {
                throw DecodingError.dataCorruptedError(forKey: .settings, in: c, debugDescription: "expected an object")
            }
            settings = members.map { SweepSetting(path: $0.0, text: SweepSetting.text($0.1)) }
            headline = try c.decode(HeadlineValues.self, forKey: .headline)
            summary = try c.decode(RunSummary.self, forKey: .summary)
        }
    }

    public var scenarioName: String
    public var axes: [Axis]
    public var trials: Int
    public var seed: UInt64
    /// Every combination of the axes' values, the first axis outermost.
    public var points: [Point]

    public init(scenarioName: String, axes: [Axis], trials: Int, seed: UInt64, points: [Point]) {
        self.scenarioName = scenarioName
        self.axes = axes
        self.trials = trials
        self.seed = seed
        self.points = points
    }

    enum CodingKeys: String, CodingKey { case scenarioName = "scenario_name", axes, trials, seed, points }
}

// MARK: - Sensitivity

/// `sensitivity`: each parameter's low and high setting against the base.
public struct SensitivityResults: Sendable, Codable {
    public static let caveat = "One-at-a-time swings: each parameter moves alone, the others stay at the scenario's values, so interactions between assumptions are ignored."

    public struct Swing: Sendable, Codable {
        public var name: String
        public var lowSetting: String
        public var highSetting: String
        public var low: HeadlineValues
        public var high: HeadlineValues

        public init(name: String, lowSetting: String, highSetting: String, low: HeadlineValues, high: HeadlineValues) {
            self.name = name
            self.lowSetting = lowSetting
            self.highSetting = highSetting
            self.low = low
            self.high = high
        }

        /// How far the parameter moves the exhaustion probability (the tornado's order).
        public var width: Double { abs(high[.pExhaustion] - low[.pExhaustion]) }

        enum CodingKeys: String, CodingKey {
            case name, lowSetting = "low_setting", highSetting = "high_setting", low, high
        }
    }

    public var scenarioName: String
    public var trials: Int
    public var seed: UInt64
    public var caveat = SensitivityResults.caveat
    public var base: HeadlineValues
    /// Widest swing first.
    public var parameters: [Swing]

    public init(scenarioName: String, trials: Int, seed: UInt64, base: HeadlineValues, parameters: [Swing]) {
        self.scenarioName = scenarioName
        self.trials = trials
        self.seed = seed
        self.base = base
        self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey { case scenarioName = "scenario_name", trials, seed, caveat, base, parameters }
}

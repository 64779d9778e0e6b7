/// A linear map from data values to SVG coordinates.
struct LinearScale {
    var domain: (low: Double, high: Double)
    var range: (low: Double, high: Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.high - domain.low
        let fraction = span == 0 ? 0.5 : (value - domain.low) / span
        return range.low + fraction * (range.high - range.low)
    }

    /// Round tick values (1, 2 or 5 × 10^k apart) covering the domain.
    func ticks(_ count: Int = 5) -> [Double] {
        let step = Self.niceStep(domain.high - domain.low, count: count)
        guard step > 0 else { return [domain.low] }
        var ticks: [Double] = []
        var tick = (domain.low / step).rounded(.up) * step
        while tick <= domain.high + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }

    /// 1, 2 or 5 × 10^k, near `span / count`.
    static func niceStep(_ span: Double, count: Int) -> Double {
        guard span > 0, span.isFinite else { return 0 }
        let raw = span / Double(max(count, 1))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let normalized = raw / magnitude
        let factor: Double = normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10
        return factor * magnitude
    }

    /// `0 … high` widened to the next round step, for axes that start at zero.
    static func zeroTo(_ high: Double, count: Int = 5) -> (low: Double, high: Double) {
        guard high > 0, high.isFinite else { return (0, 1) }
        let step = niceStep(high, count: count)
        return (0, (high / step).rounded(.up) * step)
    }
}

/// One SVG chart: a plot area with two linear axes, drawn into a string.
/// Styling comes from the page's CSS classes, so the charts print like the text.
struct SVGPlot {
    let kind: String
    let title: String
    let width: Double
    let height: Double
    let left: Double, right: Double, top: Double, bottom: Double
    var x: LinearScale
    var y: LinearScale
    private(set) var body = ""
    /// Extra height below the axes taken by the legend.
    private var legendHeight = 0.0

    init(kind: String, title: String, width: Double = 760, height: Double = 380,
         margins: (left: Double, right: Double, top: Double, bottom: Double) = (84, 24, 20, 58),
         xDomain: (Double, Double), yDomain: (Double, Double)) {
        self.kind = kind
        self.title = title
        self.width = width
        self.height = height
        (left, right, top, bottom) = margins
        x = LinearScale(domain: xDomain, range: (margins.left, width - margins.right))
        y = LinearScale(domain: yDomain, range: (height - margins.bottom, margins.top))
    }

    var plotLeft: Double { left }
    var plotRight: Double { width - right }
    var plotTop: Double { top }
    var plotBottom: Double { height - bottom }

    /// Grid lines at the y ticks, both axis lines, tick labels and axis titles.
    mutating func axes(xLabel: String, yLabel: String,
                       xTicks: [Double]? = nil, yTicks: [Double]? = nil,
                       xFormat: (Double) -> String, yFormat: (Double) -> String) {
        for tick in yTicks ?? y.ticks() {
            let py = y(tick)
            body += #"<line class="grid" x1="\#(n(plotLeft))" x2="\#(n(plotRight))" y1="\#(n(py))" y2="\#(n(py))"/>"#
            body += #"<text class="tick" x="\#(n(plotLeft - 8))" y="\#(n(py + 4))" text-anchor="end">\#(HTML.escape(yFormat(tick)))</text>"#
        }
        for tick in xTicks ?? x.ticks(7) {
            let px = x(tick)
            body += #"<line class="axis" x1="\#(n(px))" x2="\#(n(px))" y1="\#(n(plotBottom))" y2="\#(n(plotBottom + 5))"/>"#
            body += #"<text class="tick" x="\#(n(px))" y="\#(n(plotBottom + 19))" text-anchor="middle">\#(HTML.escape(xFormat(tick)))</text>"#
        }
        body += #"<line class="axis" x1="\#(n(plotLeft))" x2="\#(n(plotRight))" y1="\#(n(plotBottom))" y2="\#(n(plotBottom))"/>"#
        body += #"<line class="axis" x1="\#(n(plotLeft))" x2="\#(n(plotLeft))" y1="\#(n(plotTop))" y2="\#(n(plotBottom))"/>"#
        body += #"<text class="axis-title" x="\#(n((plotLeft + plotRight) / 2))" y="\#(n(height - 12))" text-anchor="middle">\#(HTML.escape(xLabel))</text>"#
        let midY = (plotTop + plotBottom) / 2
        body += #"<text class="axis-title" x="18" y="\#(n(midY))" text-anchor="middle" transform="rotate(-90 18 \#(n(midY)))">\#(HTML.escape(yLabel))</text>"#
    }

    /// A polyline through data points.
    mutating func line(_ points: [(Double, Double)], class name: String) {
        let finite = points.filter { $0.0.isFinite && $0.1.isFinite }
        guard finite.count > 1 else { return }
        body += #"<polyline class="\#(name)" points="\#(coordinates(finite))"/>"#
    }

    /// A closed area through data points.
    mutating func area(_ points: [(Double, Double)], class name: String) {
        let finite = points.filter { $0.0.isFinite && $0.1.isFinite }
        guard finite.count > 2 else { return }
        body += #"<polygon class="\#(name)" points="\#(coordinates(finite))"/>"#
    }

    /// The band between two series over the same x values (a fan's P5–P95, say).
    mutating func band(lower: [(Double, Double)], upper: [(Double, Double)], class name: String) {
        area(lower + upper.reversed(), class: name)
    }

    /// A vertical interval at `at` from `low` to `high`, capped `cap` data units either side.
    mutating func whisker(at position: Double, low: Double, high: Double, cap: Double, class name: String = "whisker") {
        segment((position, low), (position, high), class: name)
        segment((position - cap, low), (position + cap, low), class: name)
        segment((position - cap, high), (position + cap, high), class: name)
    }

    /// A rectangle between two data corners; `fill` (a CSS colour) overrides the class's.
    mutating func rect(x0: Double, x1: Double, y0: Double, y1: Double, class name: String, fill: String? = nil,
                       title tooltip: String? = nil) {
        let (ax, bx, ay, by) = (x(x0), x(x1), y(y0), y(y1))
        guard ax.isFinite, bx.isFinite, ay.isFinite, by.isFinite else { return }
        let style = fill.map { #" fill="\#(HTML.escape($0))""# } ?? ""
        body += #"<rect class="\#(name)"\#(style) x="\#(n(min(ax, bx)))" y="\#(n(min(ay, by)))" width="\#(n(abs(bx - ax)))" height="\#(n(abs(by - ay)))">"#
        body += (tooltip.map { "<title>\(HTML.escape($0))</title>" } ?? "") + "</rect>"
    }

    /// A segment between two data points.
    mutating func segment(_ from: (Double, Double), _ to: (Double, Double), class name: String) {
        let (ax, ay, bx, by) = (x(from.0), y(from.1), x(to.0), y(to.1))
        guard ax.isFinite, ay.isFinite, bx.isFinite, by.isFinite else { return }
        body += #"<line class="\#(name)" x1="\#(n(ax))" y1="\#(n(ay))" x2="\#(n(bx))" y2="\#(n(by))"/>"#
    }

    /// A vertical line across the plot area at data value `value`.
    mutating func vertical(at value: Double, class name: String) {
        let px = x(value)
        guard px.isFinite, px >= plotLeft - 0.5, px <= plotRight + 0.5 else { return }
        body += #"<line class="\#(name)" x1="\#(n(px))" x2="\#(n(px))" y1="\#(n(plotTop))" y2="\#(n(plotBottom))"/>"#
    }

    mutating func dot(_ point: (Double, Double), class name: String, radius: Double = 3.5, title tooltip: String? = nil) {
        let (px, py) = (x(point.0), y(point.1))
        guard px.isFinite, py.isFinite else { return }
        body += #"<circle class="\#(name)" cx="\#(n(px))" cy="\#(n(py))" r="\#(n(radius))">"#
        body += (tooltip.map { "<title>\(HTML.escape($0))</title>" } ?? "") + "</circle>"
    }

    /// Text at SVG coordinates (not data values).
    mutating func text(_ content: String, atX px: Double, y py: Double, anchor: String = "start", class name: String = "label") {
        guard px.isFinite, py.isFinite else { return }
        body += #"<text class="\#(name)" x="\#(n(px))" y="\#(n(py))" text-anchor="\#(anchor)">\#(HTML.escape(content))</text>"#
    }

    /// `fill`: a swatch of that CSS colour (a colour scale's steps).
    enum LegendMark { case swatch, line, dot, fill(String) }

    /// A legend in rows below the chart, which grows to hold it, so it never covers the data.
    mutating func legend(_ items: [(mark: LegendMark, class: String, label: String)]) {
        var px = plotLeft
        var rowY = height + 6
        for item in items {
            let itemWidth = 34 + Self.textWidth(item.label, narrow: 6.8, wide: 12) + 18
            if px > plotLeft, px + itemWidth > width - 8 {
                px = plotLeft
                rowY += 20
            }
            switch item.mark {
            case .swatch:
                body += #"<rect class="\#(item.class)" x="\#(n(px + 2))" y="\#(n(rowY + 3))" width="20" height="11"/>"#
            case .line:
                body += #"<line class="\#(item.class)" x1="\#(n(px))" x2="\#(n(px + 26))" y1="\#(n(rowY + 9))" y2="\#(n(rowY + 9))"/>"#
            case .dot:
                body += #"<circle class="\#(item.class)" cx="\#(n(px + 13))" cy="\#(n(rowY + 9))" r="5"/>"#
            case .fill(let colour):
                body += #"<rect class="\#(item.class)" fill="\#(HTML.escape(colour))" x="\#(n(px + 2))" y="\#(n(rowY + 3))" width="20" height="11"/>"#
            }
            body += #"<text class="legend" x="\#(n(px + 32))" y="\#(n(rowY + 13))">\#(HTML.escape(item.label))</text>"#
            px += itemWidth
        }
        legendHeight = rowY + 26 - height
    }

    /// A placeholder in place of the plot, saying why there is nothing to draw.
    mutating func message(_ text: String) {
        // About 8.5 px per Latin character at the message's size, twice that per Chinese one.
        let limit = Int(width / 8.5)
        var lines: [String] = []
        for (word, spaced) in Self.breakableParts(text) {
            if let last = lines.last, Int(Self.textWidth(last + word, narrow: 1, wide: 2)) < limit {
                lines[lines.count - 1] = last + (spaced ? " " : "") + word
            } else {
                lines.append(word)
            }
        }
        for (i, line) in lines.enumerated() {
            self.text(line, atX: width / 2, y: height / 2 + (Double(i) - Double(lines.count - 1) / 2) * 20,
                      anchor: "middle", class: "message")
        }
    }

    /// The estimated width of `text`: `narrow` per Latin letter, digit or
    /// sign, `wide` per Chinese character or full-width sign.
    static func textWidth(_ text: String, narrow: Double, wide: Double) -> Double {
        let wideCount = text.filter(isWide).count
        return Double(text.count - wideCount) * narrow + Double(wideCount) * wide
    }

    /// A Chinese, Japanese or Korean character, or a full-width sign: about one em wide.
    static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first?.value else { return false }
        return (0x1100...0x115F).contains(scalar) || (0x2E80...0xA4CF).contains(scalar)
            || (0xAC00...0xD7A3).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
            || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF60).contains(scalar)
            || (0xFFE0...0xFFE6).contains(scalar) || (0x20000...0x3FFFD).contains(scalar)
    }

    /// `text` cut where a line may break, each part with whether a space preceded
    /// it: at spaces, and around Chinese characters (but not before a closing
    /// sign such as "，" or "）", nor after an opening one such as "（").
    static func breakableParts(_ text: String) -> [(part: String, spaced: Bool)] {
        let closing: Set<Character> = ["，", "。", "、", "；", "：", "）", "」", "』", "”", "！", "？"]
        let opening: Set<Character> = ["（", "「", "『", "“"]
        var parts: [(part: String, spaced: Bool)] = []
        for word in text.split(separator: " ") {
            var current = ""
            var spaced = true
            func flush() {
                guard !current.isEmpty else { return }
                parts.append((current, spaced))
                (current, spaced) = ("", false)
            }
            for character in word {
                let mayBreakBefore: Bool
                if closing.contains(character) {
                    mayBreakBefore = false
                } else if let last = current.last, opening.contains(last) {
                    mayBreakBefore = false
                } else {
                    mayBreakBefore = isWide(character) || (current.last.map(isWide) ?? false)
                }
                if mayBreakBefore { flush() }
                current.append(character)
            }
            flush()
        }
        return parts
    }

    func rendered() -> String {
        let id = "chart-" + kind
        return #"<svg class="chart" data-chart="\#(kind)" viewBox="0 0 \#(n(width)) \#(n(height + legendHeight))" width="\#(n(width))" height="\#(n(height + legendHeight))" role="img" aria-labelledby="\#(id)-title">"#
            + #"<title id="\#(id)-title">\#(HTML.escape(title))</title>"# + body + "</svg>"
    }

    private func coordinates(_ points: [(Double, Double)]) -> String {
        points.map { "\(n(x($0.0))),\(n(y($0.1)))" }.joined(separator: " ")
    }

    /// A coordinate with at most one decimal, to keep the file small.
    private func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// HTML text escaping: `text` safe in element content and in double- or single-quoted attributes.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// `Codable` to and from `JSONValue`, keeping the order in which keys are
/// encoded, so that a typed value always renders to the same bytes.
///
/// Conventions of PoolSim's JSON: a `nil` optional and a non-finite double
/// are written as `null` (never left out); `null` reads back as `nil`, or as
/// NaN where a `Double` is expected. `UInt64` values above `Int.max` are
/// clamped, as results have always recorded seeds.
public struct JSONValueEncoder {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = EncodingNode()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        return root.value
    }
}

extension JSONValueEncoder {
    /// JSON text of one of PoolSim's results. Their encodings cannot fail:
    /// they hold numbers, strings and containers only, and this encoder throws
    /// for nothing else.
    public func text<T: Encodable>(_ value: T) -> String {
        (try? encode(value))?.rendered() ?? "null\n"
    }
}

public struct JSONValueDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: NodeDecoder(value: value, codingPath: []))
    }
}

/// A key given at run time: percentile names, tail levels, scenario key paths.
public struct JSONKey: CodingKey, Hashable, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }
    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { return nil }
}

extension JSONValue: Codable {
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public func encode(to encoder: Encoder) throws {
        if let encoder = encoder as? NodeEncoder {
            encoder.node.set(self)
            return
        }
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(flag): try container.encode(flag)
        case let .int(number): try container.encode(number)
        case let .number(number): try container.encode(number)
        case let .string(text): try container.encode(text)
        case let .array(items): try container.encode(items)
        case let .object(members):
            var keyed = encoder.container(keyedBy: JSONKey.self)
            for (key, value) in members { try keyed.encode(value, forKey: JSONKey(key)) }
        }
    }

    public init(from decoder: Decoder) throws {
        guard let decoder = decoder as? NodeDecoder else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "JSONValue decodes only from JSONValueDecoder"))
        }
        self = decoder.value
    }
}

// MARK: - Encoding

/// A value being built: a leaf, or an object or array whose members are nodes of their own.
private final class EncodingNode {
    enum Content {
        case empty
        case leaf(JSONValue)
        case object([(String, EncodingNode)])
        case array([EncodingNode])
    }

    var content = Content.empty

    func set(_ value: JSONValue) { content = .leaf(value) }

    func member(_ key: String) -> EncodingNode {
        let node = EncodingNode()
        if case var .object(members) = content {
            members.append((key, node))
            content = .object(members)
        } else {
            content = .object([(key, node)])
        }
        return node
    }

    func element() -> EncodingNode {
        let node = EncodingNode()
        if case var .array(items) = content {
            items.append(node)
            content = .array(items)
        } else {
            content = .array([node])
        }
        return node
    }

    func beginObject() { if case .object = content {} else { content = .object([]) } }
    func beginArray() { if case .array = content {} else { content = .array([]) } }

    var count: Int {
        switch content {
        case let .array(items): items.count
        case let .object(members): members.count
        default: 0
        }
    }

    var value: JSONValue {
        switch content {
        case .empty: .object([])
        case let .leaf(value): value
        case let .object(members): .object(members.map { ($0.0, $0.1.value) })
        case let .array(items): .array(items.map(\.value))
        }
    }
}

private func leaf<T: Encodable>(_ value: T) -> JSONValue? {
    switch value {
    case let v as JSONValue: v
    case let v as Bool: .bool(v)
    case let v as String: .string(v)
    case let v as Double: .number(v)
    case let v as Float: .number(Double(v))
    case let v as Int: .int(v)
    case let v as Int32: .int(Int(v))
    case let v as Int64: .int(Int(v))
    case let v as UInt64: .int(Int(clamping: v))
    case let v as UInt32: .int(Int(v))
    default: nil
    }
}

private struct NodeEncoder: Encoder {
    let node: EncodingNode
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.beginObject()
        return KeyedEncodingContainer(KeyedNodeEncoder(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        node.beginArray()
        return UnkeyedNodeEncoder(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleNodeEncoder(node: node, codingPath: codingPath) }

    static func encode<T: Encodable>(_ value: T, into node: EncodingNode, codingPath: [CodingKey]) throws {
        if let leaf = leaf(value) { node.set(leaf); return }
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}

private struct KeyedNodeEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    var codingPath: [CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).set(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try NodeEncoder.encode(value, into: node.member(key.stringValue), codingPath: codingPath + [key])
    }

    // nil is written as null: PoolSim's documents name every key they have.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }

    private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.member(key.stringValue)
        child.beginObject()
        return KeyedEncodingContainer(KeyedNodeEncoder<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = node.member(key.stringValue)
        child.beginArray()
        return UnkeyedNodeEncoder(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { NodeEncoder(node: node.member("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeEncoder: UnkeyedEncodingContainer {
    let node: EncodingNode
    var codingPath: [CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.element().set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try NodeEncoder.encode(value, into: node.element(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.element()
        child.beginObject()
        return KeyedEncodingContainer(KeyedNodeEncoder<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = node.element()
        child.beginArray()
        return UnkeyedNodeEncoder(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> Encoder { NodeEncoder(node: node.element(), codingPath: codingPath) }
}

private struct SingleNodeEncoder: SingleValueEncodingContainer {
    let node: EncodingNode
    var codingPath: [CodingKey]

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try NodeEncoder.encode(value, into: node, codingPath: codingPath)
    }
}

// MARK: - Decoding

private struct NodeDecoder: Decoder {
    let value: JSONValue
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(members) = value else {
            throw DecodingError.typeMismatch([String: JSONValue].self,
                                             .init(codingPath: codingPath, debugDescription: "expected an object"))
        }
        return KeyedDecodingContainer(KeyedNodeDecoder<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case let .array(items) = value else {
            throw DecodingError.typeMismatch([JSONValue].self,
                                             .init(codingPath: codingPath, debugDescription: "expected an array"))
        }
        return UnkeyedNodeDecoder(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleNodeDecoder(value: value, codingPath: codingPath) }

    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, codingPath: [CodingKey]) throws -> T {
        func mismatch(_ expected: String) -> DecodingError {
            .typeMismatch(T.self, .init(codingPath: codingPath, debugDescription: "expected \(expected)"))
        }
        switch type {
        case is JSONValue.Type:
            return value as! T
        case is Double.Type:
            switch value {
            case let .number(number): return number as! T
            case let .int(number): return Double(number) as! T
            case .null: return Double.nan as! T
            default: throw mismatch("a number")
            }
        case is Int.Type, is Int32.Type, is Int64.Type, is UInt64.Type, is UInt32.Type:
            let whole: Int
            switch value {
            case let .int(number): whole = number
            case let .number(number) where number == number.rounded() && abs(number) < 9.2e18: whole = Int(number)
            default: throw mismatch("a whole number")
            }
            switch type {
            case is Int.Type: return whole as! T
            case is Int32.Type:
                guard let v = Int32(exactly: whole) else { throw mismatch("a 32-bit whole number") }
                return v as! T
            case is Int64.Type: return Int64(whole) as! T
            case is UInt32.Type:
                guard let v = UInt32(exactly: whole) else { throw mismatch("a 32-bit whole number ≥ 0") }
                return v as! T
            default:
                guard let v = UInt64(exactly: whole) else { throw mismatch("a whole number ≥ 0") }
                return v as! T
            }
        case is String.Type:
            guard case let .string(text) = value else { throw mismatch("a string") }
            return text as! T
        case is Bool.Type:
            guard case let .bool(flag) = value else { throw mismatch("true or false") }
            return flag as! T
        default:
            return try T(from: NodeDecoder(value: value, codingPath: codingPath))
        }
    }
}

private struct KeyedNodeDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(String, JSONValue)]
    var codingPath: [CodingKey]

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.0) } }

    func contains(_ key: Key) -> Bool { members.contains { $0.0 == key.stringValue } }

    func member(_ key: Key) throws -> JSONValue {
        guard let value = members.first(where: { $0.0 == key.stringValue })?.1 else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no key \(key.stringValue)"))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try NodeDecoder.decode(type, from: try member(key), codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(value: try member(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try NodeDecoder(value: try member(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { NodeDecoder(value: .object(members), codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> Decoder {
        NodeDecoder(value: try member(key), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeDecoder: UnkeyedDecodingContainer {
    let items: [JSONValue]
    var codingPath: [CodingKey]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(items: [JSONValue], codingPath: [CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    mutating func next() throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(JSONValue.self, .init(codingPath: codingPath, debugDescription: "array ends early"))
        }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try NodeDecoder.decode(type, from: try next(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(value: try next(), codingPath: codingPath).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try NodeDecoder(value: try next(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder { NodeDecoder(value: try next(), codingPath: codingPath) }
}

private struct SingleNodeDecoder: SingleValueDecodingContainer {
    let value: JSONValue
    var codingPath: [CodingKey]

    func decodeNil() -> Bool { value.isNull }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try NodeDecoder.decode(type, from: value, codingPath: codingPath)
    }
}

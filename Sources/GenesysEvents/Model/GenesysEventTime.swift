import Foundation

/// `eventBody.eventTime`, whose JSON type depends on the topic: the analytics detail events send epoch
/// milliseconds as a number, audit and transcription topics an ISO-8601 string (NOTES.md §1).
public enum GenesysEventTime: Sendable, Equatable {
    /// Milliseconds since 1970-01-01T00:00:00Z, as the detail events send it.
    case epochMilliseconds(Int64)
    /// A string, as audit and transcription events send it (normally ISO-8601).
    case text(String)

    /// Reads a number of milliseconds or a string; nil for other JSON types.
    init?(json: GenesysJSON) {
        if let milliseconds = json.int64Value {
            self = .epochMilliseconds(milliseconds)
        } else if let text = json.stringValue {
            self = .text(text)
        } else {
            return nil
        }
    }

    /// Epoch milliseconds: the number itself, or the string read as ISO-8601 (or as digits). Nil when
    /// the string is neither.
    public var milliseconds: Int64? {
        switch self {
        case .epochMilliseconds(let value): return value
        case .text(let text):
            if let digits = Int64(text) { return digits }
            guard let date = Self.parseISO8601(text) else { return nil }
            let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
            return Int64(exactly: milliseconds)
        }
    }

    /// The time as `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC, or nil when it is not a readable time or lies
    /// outside years 0000–9999.
    public var iso8601: String? {
        milliseconds.flatMap(Self.format)
    }

    /// The time as a `Date`.
    public var date: Date? {
        milliseconds.map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }

    /// Reads ISO-8601 with or without fractional seconds.
    static func parseISO8601(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }

    /// Formats epoch milliseconds with integer arithmetic, so the milliseconds printed are exactly the
    /// ones received (going through `Double` seconds can print .253 for .254).
    static func format(_ milliseconds: Int64) -> String? {
        // Years 0000-9999 only: the four-digit form cannot show others.
        let minimum: Int64 = -62_167_219_200_000  // 0000-01-01T00:00:00Z
        let maximum: Int64 = 253_402_300_799_999  // 9999-12-31T23:59:59.999Z
        guard milliseconds >= minimum, milliseconds <= maximum else { return nil }
        let millisecondsPerDay: Int64 = 86_400_000
        var days = milliseconds / millisecondsPerDay
        var rest = milliseconds % millisecondsPerDay
        if rest < 0 {
            rest += millisecondsPerDay
            days -= 1
        }
        // Civil date from days since the epoch (the proleptic Gregorian calendar, eras of 400 years).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let hour = rest / 3_600_000
        let minute = rest / 60_000 % 60
        let second = rest / 1000 % 60
        let fraction = rest % 1000
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
            + ".\(pad(fraction, 3))Z"
    }
}

extension GenesysEventTime: Codable {
    /// Decodes a number of milliseconds or a string.
    public init(from decoder: any Decoder) throws {
        guard let time = GenesysEventTime(json: try GenesysJSON(from: decoder)) else {
            throw DecodingError.typeMismatch(
                GenesysEventTime.self,
                .init(codingPath: decoder.codingPath, debugDescription: "Expected a number or a string"))
        }
        self = time
    }

    /// Encodes the value in the JSON type it was received in.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .epochMilliseconds(let value): try container.encode(value)
        case .text(let text): try container.encode(text)
        }
    }
}

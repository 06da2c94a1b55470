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
            return Self.parseISO8601(text)
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

    /// Reads an ISO-8601 time, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)`, as epoch milliseconds
    /// (the fraction cut to milliseconds), in the proleptic Gregorian calendar that `format` writes.
    /// Strict, unlike Foundation's reader, which rolls `2025-02-30` over into March and switches to the
    /// Julian calendar before 1582: a date that does not exist is nil.
    static func parseISO8601(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int64? {
            guard index + width <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[index..<index + width] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            index += width
            return value
        }
        func skip(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2), skip("T"),
            let hour = number(2), skip(":"), let minute = number(2), skip(":"), let second = number(2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60,
            second < 60
        else { return nil }
        var fraction: Int64 = 0
        if skip(".") {
            var digits = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                if digits < 3 { fraction = fraction * 10 + Int64(bytes[index] - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) { fraction *= 10 }
        }
        var offsetMinutes: Int64 = 0
        if !skip("Z") {
            let sign: Int64
            if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
            guard let hours = number(2), hours < 24 else { return nil }
            _ = skip(":")
            guard let minutes = number(2), minutes < 60 else { return nil }
            offsetMinutes = sign * (hours * 60 + minutes)
        }
        guard index == bytes.count else { return nil }
        // Days since the epoch of a civil date (eras of 400 years, years starting in March).
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60
        return seconds * 1000 + fraction
    }

    /// The number of days of a month in the proleptic Gregorian calendar.
    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
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

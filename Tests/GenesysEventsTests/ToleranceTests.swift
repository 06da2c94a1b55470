import Foundation
import Testing

@testable import GenesysEvents

/// Decoding keeps what it does not know and survives what it does not expect.
@Suite struct ToleranceTests {
    @Test func unknownFieldsAreKept() throws {
        let bytes = try Samples.variant("e02") { body in
            body["brandNewField"] = ["nested": [1, 2]]
            body["anotherFlag"] = true
        }
        let body = try #require(try GenesysEvent.decode(bytes).body.conversationDetail)
        #expect(body.otherFields["brandNewField"] == .object(["nested": .array([.integer(1), .integer(2)])]))
        #expect(body.otherFields["anotherFlag"] == .bool(true))
        #expect(body.queueId == Samples.queueA)
    }

    @Test func unknownEnumValuesAreKept() throws {
        let bytes = try Samples.variant("e02") { body in
            body["mediaType"] = "HOLOGRAM"
            body["disconnectType"] = "SESSION_EXPIRED"
            body["acdOutcome"] = "REROUTED"
            body["requestedRoutings"] = ["STANDARD", "AI_MATCH"]
        }
        let body = try #require(try GenesysEvent.decode(bytes).body.conversationDetail)
        #expect(body.mediaType == GenesysMediaType(rawValue: "HOLOGRAM"))
        #expect(body.mediaType?.isKnown == false)
        #expect(body.disconnectType == .sessionExpired)
        #expect(body.disconnectType?.isKnown == true)
        #expect(body.acdOutcome?.rawValue == "REROUTED")
        #expect(body.requestedRoutings == [.standard, "AI_MATCH"])
    }

    @Test func unknownCallValuesAreKept() throws {
        var event = try Samples.object("e09")
        var detail = try #require(event["detail"] as? [String: Any])
        var body = try #require(detail["eventBody"] as? [String: Any])
        var participants = try #require(body["participants"] as? [[String: Any]])
        var calls = try #require(participants[0]["calls"] as? [[String: Any]])
        calls[0]["state"] = "parked"
        calls[0]["disconnectType"] = "transfer.warp"
        calls[0]["newCallField"] = 7
        participants[0]["calls"] = calls
        body["participants"] = participants
        detail["eventBody"] = body
        event["detail"] = detail
        let decoded = try #require(try GenesysEvent.decode(try Samples.bytes(of: event)).body.queueConversation)
        let call = try #require(decoded.participants?[0].calls?.first)
        #expect(call.state == GenesysMediaState(rawValue: "parked"))
        #expect(call.disconnectType?.rawValue == "transfer.warp")
        #expect(call.otherFields["newCallField"] == .integer(7))
    }

    @Test func wronglyTypedBodyFieldsAreKeptNotFatal() throws {
        let bytes = try Samples.variant("e04") { body in
            body["queueId"] = 12345
            body["wrapupDurationMs"] = "long"
            body["conversationExternalContactIds"] = ["a", 1]
            body["mediaType"] = NSNull()
        }
        let body = try #require(try GenesysEvent.decode(bytes).body.conversationDetail)
        #expect(body.queueId == nil)
        #expect(body.otherFields["queueId"] == .integer(12345))
        #expect(body.wrapupDurationMs == nil)
        #expect(body.otherFields["wrapupDurationMs"] == .string("long"))
        #expect(body.conversationExternalContactIds == nil)
        #expect(body.otherFields["conversationExternalContactIds"] == .array([.string("a"), .integer(1)]))
        // null is absence, not an unknown value.
        #expect(body.mediaType == nil)
        #expect(body.otherFields["mediaType"] == nil)
        #expect(body.wrapupCode == "78aba480-a281-4673-990c-6c06e9b07253")
    }

    @Test func eventTimeInBothForms() throws {
        let number = try Samples.variant("e01") { $0["eventTime"] = 1_741_083_341_254 }
        let string = try Samples.variant("e01") { $0["eventTime"] = "2025-03-04T10:15:41.254Z" }
        let noFraction = try Samples.variant("e01") { $0["eventTime"] = "2025-03-04T10:15:41Z" }
        let junk = try Samples.variant("e01") { $0["eventTime"] = "yesterday" }
        let a = try #require(try GenesysEvent.decode(number).body.eventTime)
        let b = try #require(try GenesysEvent.decode(string).body.eventTime)
        let c = try #require(try GenesysEvent.decode(noFraction).body.eventTime)
        let d = try #require(try GenesysEvent.decode(junk).body.eventTime)
        #expect(a.milliseconds == 1_741_083_341_254)
        #expect(b.milliseconds == 1_741_083_341_254)
        #expect(c.milliseconds == 1_741_083_341_000)
        #expect(a.iso8601 == "2025-03-04T10:15:41.254Z")
        #expect(b.iso8601 == a.iso8601)
        #expect(d == .text("yesterday"))
        #expect(d.milliseconds == nil)
        #expect(d.iso8601 == nil)
    }

    @Test func isoTimesAreReadStrictlyInTheCalendarTheyArePrintedIn() {
        func read(_ text: String) -> Int64? { GenesysEventTime.text(text).milliseconds }
        #expect(read("2025-03-04T10:15:41.254Z") == 1_741_083_341_254)
        #expect(read("2025-03-04T10:15:41.2549999Z") == 1_741_083_341_254)
        #expect(read("2025-03-04T10:15:41.2Z") == 1_741_083_341_200)
        #expect(read("2025-03-04T11:15:41+01:00") == 1_741_083_341_000)
        #expect(read("2025-03-04T05:15:41-0500") == 1_741_083_341_000)
        #expect(read("2000-02-29T00:00:00Z") == 951_782_400_000)
        // Foundation's reader turned these into other days: 2025-03-02, and 1500-01-10 (Julian).
        #expect(read("2025-02-30T00:00:00Z") == nil)
        #expect(read("1900-02-29T00:00:00Z") == nil)
        #expect(GenesysEventTime.text("1500-01-01T00:00:00Z").iso8601 == "1500-01-01T00:00:00.000Z")
        #expect(GenesysEventTime.text("0000-01-01T00:00:00Z").milliseconds == -62_167_219_200_000)
        for bad in ["2025-03-04", "2025-03-04T24:00:00Z", "2025-03-04T10:15:41", "2025-03-04T10:15:41.Z",
                    "2025-03-04T10:15:41Zjunk", "2025-13-01T00:00:00Z", "２０２５-03-04T10:15:41Z", ""] {
            #expect(read(bad) == nil, "\(bad)")
        }
    }

    @Test func millisecondsFormatExactlyAcrossTheRange() {
        #expect(GenesysEventTime.format(0) == "1970-01-01T00:00:00.000Z")
        #expect(GenesysEventTime.format(-1) == "1969-12-31T23:59:59.999Z")
        #expect(GenesysEventTime.format(951_782_400_000) == "2000-02-29T00:00:00.000Z")
        #expect(GenesysEventTime.format(253_402_300_799_999) == "9999-12-31T23:59:59.999Z")
        #expect(GenesysEventTime.format(-62_167_219_200_000) == "0000-01-01T00:00:00.000Z")
        #expect(GenesysEventTime.format(253_402_300_800_000) == nil)
        #expect(GenesysEventTime.format(.min) == nil)
    }

    @Test func envelopeTypeErrorsFail() throws {
        #expect(throws: DecodingError.self) {
            try GenesysEvent.decode(Array(#"{"source": 5}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try GenesysEvent.decode(Array(#"{"detail": {"eventBody": []}}"#.utf8))
        }
        // Metadata is informational: a wrong type is kept, not fatal.
        let event = try GenesysEvent.decode(Array(#"{"detail": {"metadata": "x", "extra": 1}}"#.utf8))
        #expect(event.detail?.metadata == nil)
        #expect(event.detail?.otherFields == ["metadata": .string("x"), "extra": .integer(1)])
        #expect(event.body == .absent)
    }

    @Test func genesysJSONRoundTripsAndCapsDepth() throws {
        let json = try GenesysEvent.decode(Array(#"{"extra": {"a": [1, 2.5, "x", true, null]}}"#.utf8)).otherFields["extra"]
        #expect(json == .object(["a": .array([.integer(1), .double(2.5), .string("x"), .bool(true), .null])]))
        #expect(json?["a"]?.arrayValue?[1].doubleValue == 2.5)
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: DecodingError.self) {
            try GenesysEvent.decode(Array(#"{"extra": \#(deep)}"#.utf8))
        }
    }
}

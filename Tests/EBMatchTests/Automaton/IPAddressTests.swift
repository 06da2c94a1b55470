import Testing

@testable import EBMatch

/// Corpus-driven and unit tests for `IPAddress` and `IPRange` (spec §2.4 first row, §2.5 `cidr`, §4.11, §6 items 5-6).
/// Row names refer to /work/shared/conformance/*.jsonl (aws-validated, event-ruler-cases, event-ruler-probe-cases).
@Suite struct IPAddressTests {
    /// The one matcher on the path in a corpus row.
    enum Element {
        /// `{"cidr": "..."}`.
        case cidr(String)
        /// A plain pattern string that may be an IP literal.
        case ip(String)
    }

    /// The caller's side of §2.4/§4.11 in miniature: an IP-literal pattern string becomes a single-address
    /// range, anything else stays an exact string; an event string that is not an IP never matches a range.
    static func elementMatches(_ element: Element, _ event: String) -> Bool {
        let address = IPAddress.parse(Array(event.utf8))
        switch element {
        case .cidr(let operand):
            guard case .success(let range) = IPRange.parseCIDR(Array(operand.utf8)), let address else { return false }
            return range.contains(address)
        case .ip(let literal):
            guard let single = IPAddress.parse(Array(literal.utf8)) else { return literal == event }
            guard let address else { return false }
            return IPRange(single: single).contains(address)
        }
    }

    /// Parses a Swift string as an address.
    static func ip(_ text: String) -> IPAddress? { IPAddress.parse(Array(text.utf8)) }

    /// Parses a CIDR operand, returning the range or the error message.
    static func cidr(_ text: String) -> Result<IPRange, CIDRError> { IPRange.parseCIDR(Array(text.utf8)) }

    /// The error message for an operand, or nil when it is accepted.
    static func cidrMessage(_ text: String) -> String? {
        if case .failure(let error) = cidr(text) { return error.message }
        return nil
    }

    /// Every corpus row whose path holds a single IP-literal string or `cidr` matcher and a string event value.
    static let elementRows: [(name: String, element: Element, event: String, matches: Bool)] = [
        ("content_ip_address", .cidr("10.0.0.0/24"), "10.0.0.255", true),
        ("content_ip_address_NEG", .cidr("10.0.0.0/24"), "10.0.0.256", false),
        ("content_ip_address_v6", .cidr("2001:db8:1234:1a00::/64"), "2001:0db8:1234:1a00:0000:0000:0000:0000", true),
        ("content_ip_address_v6_NEG", .cidr("2001:db8:1234:1a00::/64"), "2001:0db8:123f:1a01:0000:0000:0000:0000", false),
        ("testCIDRRuleWithMatchingAnythingButPrefixRule #2", .ip("10.0.1.200"), "10.0.1.200", true),
        ("testInvalidIPMatchedByIPv6Regex #1", .ip("08:23"), "08:23", true),
        ("testVariantForms #3", .ip("192.0.2.0"), "192.0.2.0", true),
        ("testVariantForms #4", .cidr("192.0.2.0/24"), "192.0.2.0", true),
        ("testIpExactMatch #1", .ip("0011:2233:4455:6677:8899:aabb:ccdd:eeff"), "0011:2233:4455:6677:8899:aabb:ccdd:eeff", true),
        ("testIpExactMatch #2", .ip("0011:2233:4455:6677:8899:aabb:ccdd:eeff"), "2400:6500:FF00::36FB:1F8D", false),
        ("testIpExactMatch #3", .ip("2001:db8::ff00:42:8329"), "2001:db8::ff00:42:8329", true),
        ("testIpExactMatch #4", .ip("2400:6500:FF00::36FB:1F80"), "2400:6500:FF00::36FB:1F86", false),
        ("testIpExactMatch #5", .ip("2400:6500:FF00::36FB:1F85"), "2001:db8::ff00:42:832a", false),
        ("testIpExactMatch #6", .ip("2400:6500:FF00::36FB:1F89"), "2400:6500:FF00::36FB:1F89", true),
        ("testIpExactMatch #7", .ip("2400:6500:FF00::36FB:1F8C"), "2400:6500:FF00::36FB:1F8C", true),
        ("testIpExactMatch #8", .ip("2400:6500:FF00::36FB:1F8F"), "2400:6500:FF00::36FB:1F8F", true),
        ("testIpExactMatch #9", .ip("255.255.255.0"), "255.255.255.0", true),
        ("testIpExactMatch #10", .ip("255.255.255.0"), "::e", false),
        ("testIpExactMatch #11", .ip("255.255.255.10"), "255.255.255.10", true),
        ("testIpExactMatch #12", .ip("255.255.255.10"), "255.255.255.26", false),
        ("testIpExactMatch #13", .ip("255.255.255.16"), "2400:6500:FF00::36FB:1F81", false),
        ("testIpExactMatch #14", .ip("255.255.255.16"), "::1", false),
        ("testIpExactMatch #15", .ip("255.255.255.255"), "::a", false),
        ("testIpExactMatch #16", .ip("255.255.255.26"), "255.255.255.26", true),
        ("testIpExactMatch #17", .ip("255.255.255.27"), "255.255.255.254", false),
        ("testIpExactMatch #18", .ip("255.255.255.27"), "255.255.255.27", true),
        ("testIpExactMatch #19", .ip("255.255.255.27"), "255.255.255.5", false),
        ("testIpExactMatch #20", .ip("255.255.255.5"), "255.255.255.5", true),
        ("testIpExactMatch #21", .ip("54.240.196.255"), "54.240.196.255", true),
        ("testIpExactMatch #22", .ip("::0"), "2400:6500:FF00::36FB:1F8C", false),
        ("testIpExactMatch #23", .ip("::0"), "::0", true),
        ("testIpExactMatch #24", .ip("::0"), "::8", false),
        ("testIpExactMatch #25", .ip("::3"), "255.255.255.10", false),
        ("testIpExactMatch #26", .ip("::9"), "255.255.255.1", false),
        ("testIpExactMatch #27", .ip("::9"), "::9", true),
        ("testIpExactMatch #28", .ip("::a"), "::0", false),
        ("testIpExactMatch #29", .ip("::a"), "::a", true),
        ("testIpExactMatch #30", .ip("::f"), "::f", true),
        ("WHEN_RulesFromReadmeAreTried_THEN_TheyWork #3", .cidr("10.0.0.0/24"), "10.0.0.33", true),
        ("WHEN_RulesFromReadmeAreTried_THEN_TheyWork #8", .cidr("10.0.0.0/24"), "10.0.0.33", true),
        ("WHEN_RulesFromReadmeAreTried_THEN_TheyWork #9", .cidr("10.0.0.0/8"), "10.0.0.33", true),
        ("cidr /0", .cidr("0.0.0.0/0"), "255.1.2.3", true),
        ("cidr v6", .cidr("2001:db8::/32"), "2001:DB8:0:0::5", true),
        ("cidr v4 vs v6 event", .cidr("0.0.0.0/0"), "::1", true),
        ("cidr v4 vs mapped v6 event", .cidr("10.0.0.0/8"), "::ffff:a00:1", true),
        ("cidr base not aligned", .cidr("10.0.0.77/24"), "10.0.0.1", true),
        ("cidr plus mask", .cidr("10.0.0.0/+8"), "10.0.0.1", true),
        ("cidr trailing slash", .cidr("10.0.0.0/8/"), "10.0.0.1", true),
        ("cidr leading zero", .cidr("010.0.0.0/8"), "10.0.0.1", true),
        ("ip exact v6 canonical", .ip("::1"), "0:0:0:0:0:0:0:1", true),
        ("ip exact v4", .ip("10.0.0.1"), "10.0.0.1", true),
        ("ip exact v4 leading zero event", .ip("10.0.0.1"), "10.0.0.01", true),
        ("ip exact uppercase v6", .ip("2001:db8::1"), "2001:DB8::1", true),
        ("ip-looking invalid exact", .ip("1.2.3.999"), "1.2.3.999", true),
        ("cidr 10/8 vs a00::1", .cidr("10.0.0.0/8"), "a00::1", true),
        ("cidr ::/0 vs v4", .cidr("::/0"), "10.0.0.1", true),
        ("cidr ::/1 vs v4", .cidr("::/1"), "10.0.0.1", true),
        ("ip exact v4 vs v6 prefix", .ip("10.0.0.1"), "a00:1::", true),
        ("ip exact v4 vs v6 prefix2", .ip("10.0.0.1"), "a00:1::5", true),
        ("cidr 10.0.0.0/24 vs 10.0.1.0", .cidr("10.0.0.0/24"), "10.0.1.0", false),
        ("cidr 10.0.0.0/24 vs 10.0.0.255", .cidr("10.0.0.0/24"), "10.0.0.255", true),
        ("cidr 10.0.0.0/24 vs 9.255.255.255", .cidr("10.0.0.0/24"), "9.255.255.255", false),
        ("cidr ipv6 zone", .cidr("fe80::/10"), "fe80::1%eth0", false),
    ]

    /// The bulk CIDR rows, grouped by operand: (rows, operand, addresses that match, addresses that do not).
    static let bulkRows: [(rows: String, cidr: String, inside: [String], outside: [String])] = [
        ("CIDRTest #1-#19", "10.0.0.0/22",
         ["10.0.0.123", "10.0.0.170", "10.0.0.233", "10.0.0.62", "10.0.0.78", "10.0.0.9", "10.0.1.0", "10.0.1.167", "10.0.1.205", "10.0.1.241", "10.0.1.89", "10.0.2.13", "10.0.2.132", "10.0.2.170", "10.0.2.47", "10.0.3.18", "10.0.3.240"],
         ["10.0.4.10", "10.0.4.12"]),
        ("CIDRTest #20-#30", "10.0.0.0/23",
         ["10.0.0.191", "10.0.1.123", "10.0.1.155", "10.0.1.17", "10.0.1.79", "10.0.1.90"],
         ["10.0.2.13", "10.0.2.14", "10.0.2.2", "10.0.2.8", "9.255.255.242"]),
        ("CIDRTest #31-#35", "10.0.0.0/24",
         ["10.0.0.118", "10.0.0.228", "10.0.0.94"],
         ["10.0.1.14", "10.0.1.3"]),
        ("CIDRTest #36-#43", "10.0.0.0/25",
         ["10.0.0.105", "10.0.0.124"],
         ["10.0.0.129", "10.0.0.132", "10.0.0.134", "10.0.0.136", "9.255.255.241", "9.255.255.248"]),
        ("CIDRTest #44-#49", "10.0.0.0/26",
         ["10.0.0.27"],
         ["10.0.0.77", "10.0.0.78", "10.0.0.79", "9.255.255.249", "9.255.255.252"]),
        ("CIDRTest #50-#51", "10.0.0.0/27",
         [],
         ["9.255.255.249", "9.255.255.251"]),
        ("CIDRTest #52-#53", "10.0.0.0/28",
         [],
         ["9.255.255.249", "9.255.255.250"]),
        ("CIDRTest #54-#56", "10.0.0.0/29",
         [],
         ["10.0.0.15", "10.0.0.20", "9.255.255.253"]),
        ("CIDRTest #57-#57", "10.0.0.0/30",
         [],
         ["10.0.0.17"]),
        ("CIDRTest #58-#60", "10.0.0.0/31",
         ["10.0.0.1"],
         ["9.255.255.247", "9.255.255.248"]),
        ("testIPAddressOfCIDRIsEqualToMaximumOfRange #1-#9", "220.160.153.171/31",
         ["220.160.153.170", "220.160.153.171"],
         ["220.160.153.169", "220.160.153.255", "220.160.154.0", "220.160.155.0", "220.160.59.223", "220.160.59.224", "220.160.59.225"]),
        ("testIPAddressOfCIDRIsEqualToMaximumOfRange #10-#19", "220.160.154.255/24",
         ["220.160.154.0", "220.160.154.255"],
         ["220.160.153.169", "220.160.153.170", "220.160.153.171", "220.160.153.172", "220.160.153.255", "220.160.155.0", "220.160.59.223", "220.160.59.225"]),
        ("testIPAddressOfCIDRIsEqualToMaximumOfRange #20-#30", "220.160.59.225/31",
         ["220.160.59.224", "220.160.59.225"],
         ["220.160.153.169", "220.160.153.170", "220.160.153.171", "220.160.153.172", "220.160.153.255", "220.160.154.0", "220.160.154.255", "220.160.155.0", "220.160.59.226"]),
    ]

    /// Every corpus row with a string `cidr` operand that the reference rejects, with its exact message.
    static let invalidRows: [(name: String, cidr: String, message: String)] = [
        ("content_ip_address_EXC", "bad-filter", "Malformed CIDR, one '/' required"),
        ("content_ip_address_bad_ip_EXC", "xx.11.xx/8", "Nonstandard IP address: xx.11.xx"),
        ("content_ip_address_bad_mask_EXC", "bad-/64filter", "Malformed CIDR, mask bits must be an integer"),
        ("content_ip_address_v6_bad_ip_EXC", "xxxx:db8:1234:1a00::/64", "Nonstandard IP address: xxxx:db8:1234:1a00::"),
        ("testCompile invalid #10", "foo", "Malformed CIDR, one '/' required"),
        ("cidr /128 invalid", "::1/128", "IPv6 mask bits must be < 128"),
        ("cidr no slash", "10.0.0.0", "Malformed CIDR, one '/' required"),
        ("cidr bad mask", "10.0.0.0/x", "Malformed CIDR, mask bits must be an integer"),
        ("cidr neg mask", "10.0.0.0/-1", "Malformed CIDR, mask bits must not be negative"),
        ("cidr hostname", "localhost/8", "Nonstandard IP address: localhost"),
        ("cidr octet 256", "10.0.0.256/8", "Invalid IP address: 10.0.0.256"),
        ("cidr \"\" ", "", "Malformed CIDR, one '/' required"),
        ("cidr ipv6 embedded v4", "::ffff:0:0/96", "IPv4 mask bits must be < 32"),
    ]

    /// Each single-matcher corpus row gives the recorded outcome.
    @Test(arguments: 0..<elementRows.count)
    func corpusElementRow(_ index: Int) {
        let row = Self.elementRows[index]
        #expect(Self.elementMatches(row.element, row.event) == row.matches, "\(row.name)")
    }

    /// The bulk CIDR rows of event-ruler's own tests, all inside or outside as recorded.
    @Test func corpusBulkRows() {
        for group in Self.bulkRows {
            guard case .success(let range) = Self.cidr(group.cidr) else {
                Issue.record("\(group.rows): \(group.cidr) rejected")
                continue
            }
            for inside in group.inside {
                #expect(Self.ip(inside).map(range.contains) == true, "\(group.rows) \(inside)")
            }
            for outside in group.outside {
                #expect(Self.ip(outside).map(range.contains) == false, "\(group.rows) \(outside)")
            }
        }
    }

    /// Each rejected corpus operand gives the reference's exact message.
    @Test(arguments: 0..<invalidRows.count)
    func corpusInvalidRow(_ index: Int) {
        let row = Self.invalidRows[index]
        #expect(Self.cidrMessage(row.cidr) == row.message, "\(row.name)")
    }

    /// Canonical forms: §2.4 "10.0.0.01" = "10.0.0.1", "::1" = "0:0:0:0:0:0:0:1", mixed case, IPv4-mapped folding.
    @Test func canonicalForms() {
        #expect(Self.ip("10.0.0.1")?.hexString == "0A000001")
        #expect(Self.ip("10.0.0.01") == Self.ip("10.0.0.1"))  // probe "ip exact v4 leading zero event"
        #expect(Self.ip("010.0.0.0") == Self.ip("10.0.0.0"))  // probe "cidr leading zero"
        #expect(Self.ip("::1") == Self.ip("0:0:0:0:0:0:0:1"))  // probe "ip exact v6 canonical"
        #expect(Self.ip("2001:db8::1") == Self.ip("2001:DB8::1"))  // probe "ip exact uppercase v6"
        #expect(Self.ip("::1")?.hexString == "00000000000000000000000000000001")
        #expect(Self.ip("::1")?.byteCount == 16)
        // §4.11: IPv4-mapped IPv6 is the IPv4 address (probe "cidr v4 vs mapped v6 event").
        #expect(Self.ip("::ffff:a00:1") == Self.ip("10.0.0.1"))
        #expect(Self.ip("::FFFF:A00:1")?.byteCount == 4)
        // IPv4-compatible (no ffff) stays IPv6.
        #expect(Self.ip("::a00:1")?.byteCount == 16)
        #expect(Self.ip("2400:6500:FF00::36FB:1F8C")?.hexString == "24006500FF0000000000000036FB1F8C")
        #expect(Self.ip("1:2:3:4:5:6:7:8")?.hexString == "00010002000300040005000600070008")
        #expect(Self.ip("::") == IPAddress(ipv6High: 0, low: 0))
    }

    /// Strings that are not IP addresses: shape failures and literals InetAddress rejects.
    @Test func nonAddresses() {
        #expect(Self.ip("10.0.0.256") == nil)  // aws content_ip_address_NEG
        #expect(Self.ip("1.2.3.999") == nil)  // probe "ip-looking invalid exact"
        #expect(Self.ip("08:23") == nil)  // testInvalidIPMatchedByIPv6Regex #1
        #expect(Self.ip("fe80::1%eth0") == nil)  // probe "cidr ipv6 zone": zone ids fail the shape check
        #expect(Self.ip("::ffff:10.0.0.1") == nil)  // §4.11: dotted-quad tails fail the shape check
        #expect(Self.ip("localhost") == nil)  // probe "cidr hostname": never resolved
        #expect(Self.ip("") == nil)
        #expect(Self.ip(" 10.0.0.1") == nil)  // §4.11: values with spaces never match
        #expect(Self.ip("10.0.0") == nil)
        #expect(Self.ip("10.0.0.1.") == nil)
        #expect(Self.ip("10..0.1") == nil)
        #expect(Self.ip("0x1.2.3.4") == nil)
        #expect(Self.ip(":") == nil)
        #expect(Self.ip(":1") == nil)
        #expect(Self.ip("1::2::3") == nil)
        #expect(Self.ip("1:2:3:4:5:6:7:8:9") == nil)
        #expect(Self.ip("1:2:3:4:5:6:7:8:") == nil)
        #expect(Self.ip("::1:2:3:4:5:6:7:8") == nil)
        #expect(Self.ip("12345::") == nil)
        #expect(Self.ip("g::1") == nil)
    }

    /// Java InetAddress rules beyond the corpus, taken from the JDK's literal parsers (not corpus-verified).
    @Test func jdkLiteralQuirks() {
        // Group values only need to fit 16 bits, so extra leading zeros are fine.
        #expect(Self.ip("00000001::") == Self.ip("1::"))
        // "::" may stand for a single group at the end.
        #expect(Self.ip("1:2:3:4:5:6:7::")?.hexString == "00010002000300040005000600070000")
        // The JDK refuses IPv4 literals longer than 15 characters before reading the octets.
        #expect(Self.ip("010.000.000.001")?.hexString == "0A000001")
        #expect(Self.ip("0010.000.000.001") == nil)
    }

    /// §2.5 lenient spots and the exact messages for cases the corpus does not hold.
    @Test func cidrParsing() {
        #expect(Self.cidrMessage("10.0.0.0/+8") == nil)  // probe "cidr plus mask"
        #expect(Self.cidrMessage("10.0.0.0/8/") == nil)  // probe "cidr trailing slash"
        #expect(Self.cidrMessage("10.0.0.0/8//") == nil)
        #expect(Self.cidrMessage("10.0.0.0//8") == "Malformed CIDR, one '/' required")
        #expect(Self.cidrMessage("10.0.0.0/") == "Malformed CIDR, one '/' required")
        #expect(Self.cidrMessage("/") == "Malformed CIDR, one '/' required")
        #expect(Self.cidrMessage("/8") == "Nonstandard IP address: ")
        #expect(Self.cidrMessage("10.0.0.0/32") == "IPv4 mask bits must be < 32")  // §2.5: /32 is rejected
        #expect(Self.cidrMessage("10.0.0.0/31") == nil)
        #expect(Self.cidrMessage("::/127") == nil)
        #expect(Self.cidrMessage("::ffff:a00:0/104") == "IPv4 mask bits must be < 32")  // §2.5
        #expect(Self.cidrMessage("::ffff:a00:0/24") == nil)
        #expect(Self.cidrMessage("10.0.0.0/-0") == nil)
        #expect(Self.cidrMessage("10.0.0.0/008") == nil)
        #expect(Self.cidrMessage("10.0.0.0/ 8") == "Malformed CIDR, mask bits must be an integer")
        #expect(Self.cidrMessage("10.0.0.0/+") == "Malformed CIDR, mask bits must be an integer")
        #expect(Self.cidrMessage("10.0.0.0/+-8") == "Malformed CIDR, mask bits must be an integer")
        #expect(Self.cidrMessage("10.0.0.0/8.0") == "Malformed CIDR, mask bits must be an integer")
        #expect(Self.cidrMessage("10.0.0.0/2147483647") == "IPv4 mask bits must be < 32")
        #expect(Self.cidrMessage("10.0.0.0/2147483648") == "Malformed CIDR, mask bits must be an integer")
        #expect(Self.cidrMessage("10.0.0.0/-2147483648") == "Malformed CIDR, mask bits must not be negative")
        #expect(Self.cidrMessage("10.0.0.0/-2147483649") == "Malformed CIDR, mask bits must be an integer")
        // Java's parseInt accepts decimal digits of any script (Arabic-Indic eight here).
        #expect(Self.cidrMessage("10.0.0.0/\u{668}") == nil)
        // The mask is checked before the address, the address before the family limit.
        #expect(Self.cidrMessage("localhost/x") == "Malformed CIDR, mask bits must be an integer")
        #expect(Self.cidrMessage("localhost/-1") == "Malformed CIDR, mask bits must not be negative")
        #expect(Self.cidrMessage("10.0.0.256/99") == "Invalid IP address: 10.0.0.256")
        #expect(Self.cidrMessage("10.0.0/8") == "Nonstandard IP address: 10.0.0")
        #expect(Self.cidrMessage("1::2::3/64") == "Invalid IP address: 1::2::3")
        #expect(Self.cidrMessage("fe80::1%eth0/64") == "Nonstandard IP address: fe80::1%eth0")
        #expect(Self.cidrMessage("::ffff:10.0.0.1/8") == "Nonstandard IP address: ::ffff:10.0.0.1")
        #expect(Self.cidrMessage("hôte/8") == "Nonstandard IP address: hôte")
    }

    /// Host bits are masked off the base (probe "cidr base not aligned", testIPAddressOfCIDRIsEqualToMaximumOfRange).
    @Test func cidrEnds() throws {
        let range = try Self.cidr("10.0.0.77/24").get()
        #expect(range.bottom.hexString == "0A000000")
        #expect(range.top.hexString == "0A0000FF")
        let v6 = try Self.cidr("2001:db8:1234:1a00::/64").get()
        #expect(v6.bottom.hexString == "20010DB812341A000000000000000000")
        #expect(v6.top.hexString == "20010DB812341A00FFFFFFFFFFFFFFFF")
        let odd = try Self.cidr("2001:db8::/65").get()
        #expect(odd.top.hexString == "20010DB8000000007FFFFFFFFFFFFFFF")
        let all = try Self.cidr("0.0.0.0/0").get()
        #expect(all.bottom.hexString == "00000000" && all.top.hexString == "FFFFFFFF")
    }

    /// Consequences of the automaton model (§4.11 "range tests stop as soon as a prefix decides") that no
    /// corpus row pins down; they follow from the same rule that makes `::/1` match 10.0.0.1.
    @Test func crossFamilyModel() throws {
        let everything6 = try Self.cidr("::/0").get()
        // 0.0.0.0 is "00000000": it never leaves the bottom chain and runs out of digits.
        #expect(everything6.contains(try #require(Self.ip("0.0.0.0"))) == false)
        #expect(everything6.contains(try #require(Self.ip("0.0.0.1"))) == true)
        // An IPv6 range with a long shared prefix cannot be decided by 8 digits.
        #expect(try Self.cidr("::/96").get().contains(try #require(Self.ip("0.0.0.1"))) == false)
        // An IPv4 range looks only at the first 32 bits of an IPv6 address.
        #expect(try Self.cidr("10.0.0.0/8").get().contains(try #require(Self.ip("b00::"))) == false)
        #expect(try Self.cidr("10.0.0.0/31").get().contains(try #require(Self.ip("a00:1:ffff::"))) == true)
        // An exact IPv6 literal needs all 32 digits, which an IPv4 address does not have.
        #expect(IPRange(single: try #require(Self.ip("a00:1::"))).contains(try #require(Self.ip("10.0.0.1"))) == false)
    }
}

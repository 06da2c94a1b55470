/// The `--help` texts of `ebmatch genesys` and its commands. The topic list is written from the
/// topic table, so the help never disagrees with what the commands accept.
enum GenesysHelp {
    /// The text `ebmatch genesys --help` prints.
    static let overview = """
        USAGE: ebmatch genesys pattern --topic TOPIC [OPTIONS]   (see 'ebmatch genesys pattern --help')
               ebmatch genesys lint [OPTIONS] PATH...            (see 'ebmatch genesys lint --help')

        Genesys Cloud events through Amazon EventBridge: write a correct pattern for a topic and a
        queue, or find the mistakes that make a Genesys rule silently match nothing.

        """

    /// The text `ebmatch genesys pattern --help` prints.
    static var patternUsage: String {
        let builder = GenesysPatternBuilder()
        let width = (builder.table.topics.map(\.name.count).max() ?? 0) + 2
        let topics = builder.table.topics.map { topic -> String in
            var notes: [String] = []
            switch builder.queueField(of: topic) {
            case .body: notes.append("--queue")
            case .topicName: notes.append("--queue (by topic name)")
            case .none: break
            }
            if topic.fields["mediaType"] != nil { notes.append("--media") }
            if topic.fields["direction"] != nil { notes.append("--direction") }
            let name = topic.name.padding(to: width)
            return "  \(name)\(topic.detailType)" + (notes.isEmpty ? "" : "\n  " + "".padding(to: width) + "takes " + notes.joined(separator: ", "))
        }
        return """
            USAGE: ebmatch genesys pattern --topic TOPIC [--topic TOPIC...] [OPTIONS]

            Prints an event pattern for Genesys Cloud events from the topics and queues asked for,
            with the fields each topic really has. The pattern is validated (EventBridge accepts it,
            'ebmatch genesys lint' finds nothing) before it is printed.

            OPTIONS:
              --topic TOPIC         a topic, by short name or template (repeat for several)
              --queue ID            only events about this queue (a queue id, repeat for several);
                                    refused for topics that carry no queue, such as customer.end
              --exclude-queue ID    only events about other queues (not with --queue)
              --org ID              only events of this Genesys Cloud organization (its id)
              --suffix NAME         only events of this integration: the event source suffix set in
                                    Genesys (needs --org); the source is then matched exactly
              --media TYPE          only this media type: VOICE, CALLBACK, CHAT, EMAIL, MESSAGE, ...
              --direction DIR       only INBOUND or OUTBOUND conversations
              -h, --help            show this help

            Without --org, the source is matched by the prefix aws.partner/genesys.com/cloud/, which
            every Genesys Cloud organization's events have.

            TOPICS:
            \(topics.joined(separator: "\n"))

            EXIT STATUS:
              0   the pattern was printed
              64  usage error, or a request no pattern can meet (the message says why)

            EXAMPLES:
              ebmatch genesys pattern --topic acd.end --queue ee2d4ca2-4f87-4a11-a6a2-6c5b294d5d54
              ebmatch genesys pattern --topic acd.end --topic acw --queue ID --media VOICE > rule.json
              ebmatch genesys pattern --topic queue.conversations --exclude-queue ID

            """
    }

    /// The text `ebmatch genesys lint --help` prints.
    static let lintUsage = """
        USAGE: ebmatch genesys lint [OPTIONS] PATH...

        Finds the mistakes in patterns for Genesys Cloud events that EventBridge accepts but that make
        a rule match nothing (or everything), from a table of the topics and their fields. Each
        warning says how to fix it. 'ebmatch validate --genesys' runs the same checks.

        ARGUMENTS:
          PATH    pattern files, folders and templates, as for 'ebmatch validate'

        WARNINGS:
          genesysBareSource          source exactly aws.partner/genesys.com: no event has it
          genesysInventedSource      a source Genesys does not use (genesys.cloud)
          genesysInventedDetailType  a detail-type that is no topic template (conversation.end)
          genesysConcreteId          an id in detail-type (it holds {id}), or {id} in detail.topicName
          genesysUnknownField        a field Genesys events lack (detail.entity.queue.id, queueID)
          genesysFieldNotOnTopic     a field the selected topics lack (queueId on customer.end)
          genesysEnumCase            an enum value in the wrong case (voice for VOICE)
          genesysEnumValue           an enum value one typo from a real one
          genesysValueType           a condition of the wrong type (numeric on a string eventTime,
                                     a string for a number, any condition on an object)
          genesysNotAllChecked       more $or alternatives (1,024) or nesting (256) than the lint reads
          genesysDefaultBus          a template's Genesys rule on the default event bus
        Patterns whose source selects other events are not checked.

        OPTIONS:
          --format text|json|github|junit   report format (default: text)
          --ignore-warning CODE[,CODE...]   drop warnings of these codes
          --target event-bus|pipes          where plain pattern files are used (default: event-bus)
          -h, --help                        show this help

        EXIT STATUS:
          0   no warnings
          1   warnings
          2   an invalid pattern, or a file that could not be read or is not JSON
          64  usage error

        EXAMPLES:
          ebmatch genesys lint rules/
          ebmatch genesys lint --format github cdk.out/MyStack.template.json

        """
}

extension String {
    /// The string padded with spaces to `width` characters.
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}

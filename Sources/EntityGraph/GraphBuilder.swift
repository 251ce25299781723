import EntityRecognition
import Foundation

/// Builds a ``CooccurrenceGraph`` from recognized documents, one document at a time.
///
/// Counting is order-independent and the evidence kept per edge is the first in document order,
/// so the same documents in any order give the same graph. Mentions on boilerplate lines, and
/// nested mentions, make neither nodes nor edges (unless the settings keep boilerplate); two
/// mentions of one entity never make an edge.
public struct GraphBuilder: Sendable {
    public private(set) var settings: GraphSettings

    private struct NodeTally: Sendable {
        var entity: Entity
        var mentions = 0
        var documents = 0
        var windows = 0
        /// The languages of the documents that name the entity: a handful, so a list searched
        /// from the end (the language of the document before, most often) beats hashing.
        var languages: [String] = []
        var surfaces: [String: Int] = [:]
        var firstDate: String?
        var lastDate: String?
    }

    /// A pair's tally: 40 bytes of plain numbers, with its evidence in ``evidence`` and its
    /// dates those of documents. A corpus makes hundreds of thousands of pairs, and a tally that
    /// held an array and two strings cost about twice as much, in as many allocations.
    private struct EdgeTally: Sendable {
        var count = 0
        var decayed = 0.0
        var documents: Int32 = 0
        /// The evidence kept, first in evidence order: a list through ``EvidenceRecord/next``.
        var evidenceHead: Int32 = -1
        var evidenceCount: Int32 = 0
        /// The documents (in ``documents``) with the earliest and the latest date, or -1.
        var firstDated: Int32 = -1
        var lastDated: Int32 = -1
        /// The last document (counted from 1) that named the pair.
        var lastDocument: Int32 = 0
    }

    /// The pairs' tallies in the order they were first met, found by key (`source << 32 |
    /// target`, never 0) through an open-addressing table of plain integers: no hashing of
    /// keys with SipHash, and no copy of every tally when their number doubles.
    private struct PairTable: Sendable {
        private(set) var keys = ChunkedArray<UInt64>()
        var tallies = ChunkedArray<EdgeTally>()
        /// Per slot, a key (0 for none) and its tally's number; at most three quarters full.
        private var slotKeys = [UInt64](repeating: 0, count: 1024)
        private var slotNumbers = [Int32](repeating: 0, count: 1024)

        /// The number of the tally of `key`, made on first sight.
        mutating func number(of key: UInt64) -> Int {
            if keys.count * 4 >= slotKeys.count * 3 { grow() }
            let mask = slotKeys.count - 1
            var slot = Self.home(key, mask: mask)
            while slotKeys[slot] != 0 {
                if slotKeys[slot] == key { return Int(slotNumbers[slot]) }
                slot = (slot + 1) & mask
            }
            slotKeys[slot] = key
            slotNumbers[slot] = Int32(keys.count)
            keys.append(key)
            tallies.append(EdgeTally())
            return keys.count - 1
        }

        /// Fibonacci hashing: the key times 2⁶⁴/φ, its top bits.
        private static func home(_ key: UInt64, mask: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        }

        private mutating func grow() {
            let size = slotKeys.count * 2
            slotKeys = [UInt64](repeating: 0, count: size)
            slotNumbers = [Int32](repeating: 0, count: size)
            let mask = size - 1
            for (number, key) in keys.enumerated() {
                var slot = Self.home(key, mask: mask)
                while slotKeys[slot] != 0 { slot = (slot + 1) & mask }
                slotKeys[slot] = key
                slotNumbers[slot] = Int32(number)
            }
        }
    }

    /// ``Evidence`` as the builder keeps it until ``build()``: numbers, with the document in
    /// ``documents`` and the snippet in ``snippets``.
    private struct EvidenceRecord: Sendable {
        var document: Int32
        var sentence: Int32
        var sourceStart: Int32
        var sourceEnd: Int32
        var targetStart: Int32
        var targetEnd: Int32
        var snippetOffset: Int64 = 0
        var snippetLength: Int32 = 0
        /// The pair's next record, or -1.
        var next: Int32 = -1

        var snippet: SnippetStore.Reference {
            get { SnippetStore.Reference(offset: snippetOffset, length: snippetLength) }
            set {
                snippetOffset = newValue.offset
                snippetLength = newValue.length
            }
        }
    }

    /// The evidence of every pair, in lists that start at ``EdgeTally/evidenceHead``; records a
    /// pair let go of are reused, from a list that starts at ``freeEvidence``.
    private var evidence = ChunkedArray<EvidenceRecord>()
    private var freeEvidence: Int32 = -1

    /// The documents evidence comes from, in the order they were added.
    private var documents: [(id: String, date: String?)] = []
    private let snippets = SnippetStore()

    /// Nodes by number, in the order they were first met, and the numbers by entity id: a pair
    /// is keyed by its two numbers, `source << 32 | target` with the source the smaller id.
    private var nodes: [NodeTally] = []
    private var nodeNumbers: [String: Int32] = [:]
    /// The numbers by ``EntityMention/entityIndex``, -1 for none yet: most mentions find their
    /// node here, without hashing an id.
    private var nodeNumbersByIndex: [Int32] = []
    /// Per node, the number of the last document (counted from 1) and window that named it, and
    /// its rank among the entities of the window whose pairs are being made.
    private var lastDocument: [Int] = []
    private var lastWindow: [Int] = []
    private var windowRank: [Int32] = []
    private var pairs = PairTable()
    private var windowCount = 0
    private var documentCount = 0

    public init(settings: GraphSettings = GraphSettings()) {
        self.settings = settings
    }

    /// Whether a document's date lies in the settings' `since`…`until` range (inclusive, compared
    /// on the date's first ten characters). Without a range every document does.
    public func accepts(date: String?) -> Bool {
        guard settings.since != nil || settings.until != nil else { return true }
        guard let date, !date.isEmpty else { return false }
        let day = String(date.prefix(10))
        if let since = settings.since, day < String(since.prefix(10)) { return false }
        if let until = settings.until, day > String(until.prefix(10)) { return false }
        return true
    }

    /// Adds a document's mentions to the tallies.
    ///
    /// - Complexity: O(*w*·*e*²) for *w* windows of at most *e* distinct entities.
    public mutating func addDocument(_ result: RecognizedDocument) {
        let document = result.document
        guard accepts(date: document.date) else { return }
        documentCount += 1
        let mentions = result.mentions.filter { !$0.isNested && (settings.includeBoilerplate || !$0.inBoilerplate) }

        // Tallies are changed in place: a copy taken out and put back would copy its surface
        // counts and evidence on every mention.
        var numbers: [Int32] = []
        numbers.reserveCapacity(mentions.count)
        for mention in mentions {
            let number = nodeNumber(of: mention)
            numbers.append(number)
            let firstInDocument = lastDocument[Int(number)] != documentCount
            lastDocument[Int(number)] = documentCount
            Self.count(
                mention, firstInDocument: firstInDocument, language: result.language, date: document.date,
                in: &nodes[Int(number)])
        }

        let evidenceLimit = settings.evidenceLimit
        documents.append((document.id, document.date))
        var context = EvidenceContext(result: result, documents: documents, snippets: snippets)
        var present: [Int32] = []
        var held: [Int] = []
        for window in windows(of: result, mentions: mentions) {
            windowCount += 1
            // The entities of the window in id order, each with its mentions in text order.
            present.removeAll(keepingCapacity: true)
            for position in window.mentions where lastWindow[Int(numbers[position])] != windowCount {
                lastWindow[Int(numbers[position])] = windowCount
                present.append(numbers[position])
            }
            for number in present { nodes[Int(number)].windows += 1 }
            guard present.count > 1 else { continue }
            present.sort { nodes[Int($0)].entity.id < nodes[Int($1)].entity.id }
            for (rank, number) in present.enumerated() { windowRank[Int(number)] = Int32(rank) }
            held = window.mentions.sorted { (windowRank[Int(numbers[$0])], $0) < (windowRank[Int(numbers[$1])], $1) }
            var groups: [ArraySlice<Int>] = []
            var groupStart = 0
            for position in 1...held.count where position == held.count || numbers[held[position]] != numbers[held[groupStart]] {
                groups.append(held[groupStart..<position])
                groupStart = position
            }
            for first in 0..<(present.count - 1) {
                for second in (first + 1)..<present.count {
                    let key = UInt64(UInt32(present[first])) << 32 | UInt64(UInt32(present[second]))
                    let (a, b, distance) = closestPair(groups[first], groups[second], in: mentions)
                    let number = pairs.number(of: key)
                    let firstInDocument = pairs.tallies[number].lastDocument != Int32(documentCount)
                    pairs.tallies[number].lastDocument = Int32(documentCount)
                    Self.count(
                        pairOf: mentions[a], mentions[b], distance: distance, firstInDocument: firstInDocument,
                        in: &context, evidenceLimit: evidenceLimit, into: &pairs.tallies[number],
                        evidence: &evidence, free: &freeEvidence)
                }
            }
        }
    }

    /// The node number of a mention's entity, made on first sight. The entity's index is
    /// trusted only for the entity it was first seen with: documents found through another
    /// gazetteer may number theirs otherwise.
    private mutating func nodeNumber(of mention: EntityMention) -> Int32 {
        let index = mention.entityIndex
        if index >= 0, index < nodeNumbersByIndex.count {
            let number = nodeNumbersByIndex[index]
            if number >= 0, nodes[Int(number)].entity.id == mention.entity.id { return number }
        }
        let number = nodeNumber(of: mention.entity)
        if index >= 0 {
            if index >= nodeNumbersByIndex.count {
                nodeNumbersByIndex += repeatElement(-1, count: max(index + 1, 2 * nodeNumbersByIndex.count) - nodeNumbersByIndex.count)
            }
            if nodeNumbersByIndex[index] < 0 { nodeNumbersByIndex[index] = number }
        }
        return number
    }

    /// The node number of `entity`, made on first sight.
    private mutating func nodeNumber(of entity: Entity) -> Int32 {
        if let number = nodeNumbers[entity.id] { return number }
        let number = Int32(nodes.count)
        nodeNumbers[entity.id] = number
        nodes.append(NodeTally(entity: entity))
        lastDocument.append(0)
        lastWindow.append(0)
        windowRank.append(0)
        return number
    }

    private static func count(
        _ mention: EntityMention, firstInDocument: Bool, language: String, date: String?,
        in tally: inout NodeTally
    ) {
        tally.mentions += 1
        tally.surfaces[mention.surface, default: 0] += 1
        guard firstInDocument else { return }
        tally.documents += 1
        if !tally.languages.reversed().contains(language) { tally.languages.append(language) }
        if let date, !date.isEmpty {
            if tally.firstDate.map({ date < $0 }) ?? true { tally.firstDate = date }
            if tally.lastDate.map({ date > $0 }) ?? true { tally.lastDate = date }
        }
    }

    /// What evidence needs of the document being added: its text, where it is in ``documents``,
    /// and the snippets already stored for it, by sentences and cut.
    private struct EvidenceContext {
        let result: RecognizedDocument
        /// The documents added so far, this one last.
        let documents: [(id: String, date: String?)]
        let snippets: SnippetStore
        var stored: [SnippetKey: SnippetStore.Reference] = [:]

        /// Where this document is in ``documents``.
        var document: Int32 { Int32(documents.count - 1) }

        /// Whether `lhs` sorts before `rhs`: by document id, sentence and offsets, so that the
        /// evidence kept does not depend on the order documents were read in.
        func precedes(_ lhs: EvidenceRecord, _ rhs: EvidenceRecord) -> Bool {
            (documents[Int(lhs.document)].id, lhs.sentence, lhs.sourceStart, lhs.sourceEnd, lhs.targetStart, lhs.targetEnd)
                < (documents[Int(rhs.document)].id, rhs.sentence, rhs.sourceStart, rhs.sourceEnd, rhs.targetStart, rhs.targetEnd)
        }
    }

    /// A snippet of a document: the sentences it spans and the scalar range it is cut to.
    private struct SnippetKey: Hashable {
        var firstSentence: Int
        var lastSentence: Int
        var lower: Int
        var upper: Int
    }

    private static func count(
        pairOf a: EntityMention, _ b: EntityMention, distance: Double, firstInDocument: Bool,
        in context: inout EvidenceContext, evidenceLimit: Int, into tally: inout EdgeTally,
        evidence: inout ChunkedArray<EvidenceRecord>, free: inout Int32
    ) {
        tally.count += 1
        tally.decayed += 1 / (1 + distance)
        if firstInDocument {
            tally.documents += 1
            if let date = context.result.document.date, !date.isEmpty {
                let documents = context.documents
                if tally.firstDated < 0 || date < documents[Int(tally.firstDated)].date! { tally.firstDated = context.document }
                if tally.lastDated < 0 || date > documents[Int(tally.lastDated)].date! { tally.lastDated = context.document }
            }
        }
        guard evidenceLimit > 0 else { return }
        var record = EvidenceRecord(
            document: context.document, sentence: Int32(min(a.sentence, b.sentence)),
            sourceStart: Int32(a.start), sourceEnd: Int32(a.end),
            targetStart: Int32(b.start), targetEnd: Int32(b.end))
        // The record goes before the first it precedes, after those that are equal.
        var previous: Int32 = -1
        var following = tally.evidenceHead
        while following >= 0, !context.precedes(record, evidence[Int(following)]) {
            previous = following
            following = evidence[Int(following)].next
        }
        // Behind a full list it would not be kept: its snippet is not even made.
        if following < 0, tally.evidenceCount >= evidenceLimit { return }
        record.snippet = snippet(for: a, and: b, in: &context)
        record.next = following
        let slot: Int32
        if free >= 0 {
            slot = free
            free = evidence[Int(slot)].next
            evidence[Int(slot)] = record
        } else {
            slot = Int32(evidence.count)
            evidence.append(record)
        }
        if previous < 0 { tally.evidenceHead = slot } else { evidence[Int(previous)].next = slot }
        tally.evidenceCount += 1
        guard tally.evidenceCount > evidenceLimit else { return }
        // One too many: the last goes back to the free list.
        var beforeLast = tally.evidenceHead
        while evidence[Int(evidence[Int(beforeLast)].next)].next >= 0 { beforeLast = evidence[Int(beforeLast)].next }
        let last = evidence[Int(beforeLast)].next
        evidence[Int(beforeLast)].next = -1
        evidence[Int(last)].next = free
        free = last
        tally.evidenceCount -= 1
    }

    /// The windows of a document, each with the positions in `mentions` of the mentions it holds.
    private func windows(of result: RecognizedDocument, mentions: [EntityMention]) -> [(key: Int, mentions: [Int])] {
        let usableSentences = result.sentences.filter {
            settings.includeBoilerplate || !result.boilerplateSentences.contains($0.index)
        }
        switch settings.window {
        case .sentence:
            var grouped: [Int: [Int]] = [:]
            for (position, mention) in mentions.enumerated() { grouped[mention.sentence, default: []].append(position) }
            return usableSentences.map { ($0.index, grouped[$0.index] ?? []) }
        case .paragraph:
            var grouped: [Int: [Int]] = [:]
            for (position, mention) in mentions.enumerated() {
                grouped[result.sentences[mention.sentence].paragraph, default: []].append(position)
            }
            let paragraphs = Set(usableSentences.map(\.paragraph)).sorted()
            return paragraphs.map { ($0, grouped[$0] ?? []) }
        case .document:
            return [(0, Array(mentions.indices))]
        case .tokens(let k):
            return mentions.indices.map { anchor in
                let reach = mentions[anchor].tokens.lowerBound + k
                let held = mentions[anchor...].prefix { $0.tokens.lowerBound <= reach }
                return (anchor, Array(anchor..<anchor + held.count))
            }
        }
    }

    /// The two mentions, one of each entity, closest to each other, and their distance: in
    /// sentences, or for token windows in windows of k tokens.
    private func closestPair(
        _ first: ArraySlice<Int>, _ second: ArraySlice<Int>,
        in mentions: [EntityMention]
    ) -> (Int, Int, Double) {
        var best = (first.first!, second.first!, Double.infinity)
        for a in first {
            for b in second {
                let distance: Double
                if case .tokens(let k) = settings.window {
                    distance = Double(abs(mentions[a].tokens.lowerBound - mentions[b].tokens.lowerBound)) / Double(k)
                } else {
                    distance = Double(abs(mentions[a].sentence - mentions[b].sentence))
                }
                let tieBreak = abs(mentions[a].start - mentions[b].start) < abs(mentions[best.0].start - mentions[best.1].start)
                if distance < best.2 || distance == best.2 && tieBreak { best = (a, b, distance) }
            }
        }
        return best
    }

    private static func snippet(
        for a: EntityMention, and b: EntityMention,
        in context: inout EvidenceContext
    ) -> SnippetStore.Reference {
        let result = context.result
        let firstSentence = result.sentences[min(a.sentence, b.sentence)]
        let lastSentence = result.sentences[max(a.sentence, b.sentence)]
        // Offsets within the sentences' own text: a long document is never walked from its start.
        let origin = firstSentence.start
        let end = lastSentence.end - origin
        let (lower, upper) = snippetRange(from: 0, to: end, around: min(a.start, b.start) - origin, max(a.end, b.end) - origin)
        let key = SnippetKey(firstSentence: firstSentence.index, lastSentence: lastSentence.index, lower: lower, upper: upper)
        if let stored = context.stored[key] { return stored }
        // Made as bytes straight into the store: no string of the sentences, of the cut, or of
        // the folded cut.
        var text = result.document.text
        let reference = text.withUTF8 { bytes in
            context.snippets.append { stored in
                appendSnippet(
                    of: UnsafeBufferPointer(rebasing: bytes[firstSentence.utf8Start..<lastSentence.utf8End]),
                    to: end, lower: lower, upper: upper, into: &stored)
            }
        }
        context.stored[key] = reference
        return reference
    }

    /// The range of the text from `start` to `end` that a snippet shows: all of it up to about
    /// 300 characters, else about 300 characters around the two mentions.
    static func snippetRange(from start: Int, to end: Int, around low: Int, _ high: Int) -> (Int, Int) {
        let limit = 300
        guard end - start > limit else { return (start, end) }
        let middle = (low + high) / 2
        let lower = max(start, min(low, middle - limit / 2))
        return (lower, min(end, max(high, lower + limit)))
    }

    /// Appends the UTF-8 of `text[lower..<upper]` (in scalars), each run of white space one
    /// space and none at the ends, with an ellipsis where it is cut short of its start or of
    /// `end`.
    static func appendSnippet(
        of text: UnsafeBufferPointer<UInt8>, to end: Int, lower: Int, upper: Int,
        into bytes: inout [UInt8]
    ) {
        // Sentences short enough to show whole (most) need no walk to find the cut.
        let cut = lower == 0 && upper == end ? text.indices : RecognizedDocument.utf8Range(ofScalars: lower, upper, in: text)
        let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]
        if lower > 0 { bytes += ellipsis }
        // Made in a buffer as long as the cut, which collapsing only shortens: no capacity check
        // a byte.
        bytes += [UInt8](unsafeUninitializedCapacity: cut.count) { out, initialized in
            var wrote = 0
            var pendingSpace = false
            for byte in text[cut] {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = wrote > 0
                    continue
                }
                if pendingSpace {
                    out[wrote] = 0x20
                    wrote += 1
                    pendingSpace = false
                }
                out[wrote] = byte
                wrote += 1
            }
            initialized = wrote
        }
        if upper < end { bytes += ellipsis }
    }

    /// The graph: association measures, weights, filters, then analytics.
    public consuming func build() -> CooccurrenceGraph {
        build(parts: ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 1)
    }

    /// The graph, its edges made in `parts` slices of the pair order at once (see ``build()``);
    /// a slice is made only of 2,048 pairs or more.
    consuming func build(parts: Int) -> CooccurrenceGraph {
        var graphNodes: [GraphNode] = nodes.map { tally in
            let surfaces = tally.surfaces.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
            return GraphNode(
                id: tally.entity.id, label: tally.entity.label, type: tally.entity.type,
                subtype: tally.entity.subtype, mentions: tally.mentions, documents: tally.documents,
                windows: tally.windows, languages: tally.languages.sorted(), surfaces: surfaces,
                firstDate: tally.firstDate, lastDate: tally.lastDate)
        }
        graphNodes.sort { $0.id < $1.id }
        // The tallies go as their edges are made: the builder is consumed.
        let pairs = self.pairs
        self.pairs = PairTable()
        // What the edges need of their ends, apart: a node's tally is a dozen references, which
        // copying it twice an edge would retain and release.
        let ids = nodes.map(\.entity.id)
        let windows = nodes.map(\.windows)
        // Made in the graph's order (by source id, then target id; a pair's first node has the
        // smaller id), so that the graph's own sort finds them sorted and compares no more ids.
        var rank = [Int](repeating: 0, count: nodes.count)
        for (position, node) in nodes.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { rank[node] = position }
        let keys = pairs.keys
        // Sorted on one integer a pair: its ends' ranks, packed.
        var ranked = keys.enumerated().map { number, key in
            (UInt64(rank[Int(key >> 32)]) << 32 | UInt64(rank[Int(key & 0xFFFF_FFFF)]), number)
        }
        ranked.sort { $0.0 < $1.0 }
        let order = ranked.map(\.1)
        // The edges are made in slices at once when there is a second core, each slice's
        // snippets read back once each and shared by the evidence that shows them. Each slice
        // writes into its own stretch of the one array, counted first and following the one
        // before, so the graph is the same either way; joining slices made apart would copy
        // every edge, retaining all it holds.
        let slices = max(1, min(parts, order.count / 2048))
        let bounds = (0...slices).map { order.count * $0 / slices }
        let settings = settings
        let isKept = { @Sendable (tally: EdgeTally) in
            tally.count >= settings.minimumCount && Int(tally.documents) >= settings.minimumDocuments
        }
        let starts = (0..<slices).reduce(into: [0]) { starts, slice in
            starts.append(starts[slice] + order[bounds[slice]..<bounds[slice + 1]].count { isKept(pairs.tallies[$0]) })
        }
        let (documents, evidence, snippets, windowCount) = (documents, self.evidence, snippets, windowCount)
        let graphEdges = [GraphEdge](unsafeUninitializedCapacity: starts[slices]) { buffer, initialized in
            let slots = EdgeSlots(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                let numbers = order[bounds[slice]..<bounds[slice + 1]]
                // The snippets of the evidence kept, in the order the loop below takes them.
                var references: [SnippetStore.Reference] = []
                for number in numbers where isKept(pairs.tallies[number]) {
                    var position = pairs.tallies[number].evidenceHead
                    while position >= 0 {
                        references.append(evidence[Int(position)].snippet)
                        position = evidence[Int(position)].next
                    }
                }
                let snippetTexts = snippets.texts(at: references)
                var nextSnippet = 0
                var next = starts[slice]
                for number in numbers {
                    let key = keys[number]
                    let tally = pairs.tallies[number]
                    guard isKept(tally) else { continue }
                    var kept: [Evidence] = []
                    kept.reserveCapacity(Int(tally.evidenceCount))
                    var position = tally.evidenceHead
                    while position >= 0 {
                        let record = evidence[Int(position)]
                        let (id, date) = documents[Int(record.document)]
                        let snippet = snippetTexts[nextSnippet]
                        nextSnippet += 1
                        kept.append(
                            Evidence(
                                document: id, date: date, sentence: Int(record.sentence),
                                source: TextSpan(start: Int(record.sourceStart), end: Int(record.sourceEnd)),
                                target: TextSpan(start: Int(record.targetStart), end: Int(record.targetEnd)),
                                snippet: snippet))
                        position = record.next
                    }
                    let source = Int(key >> 32)
                    let target = Int(key & 0xFFFF_FFFF)
                    let measures = AssociationMeasures(
                        joint: tally.count, first: windows[source], second: windows[target],
                        total: windowCount)
                    var edge = GraphEdge(
                        source: ids[source], target: ids[target], count: tally.count,
                        documents: Int(tally.documents), decayed: tally.decayed, pmi: measures.pmi,
                        npmi: measures.npmi, dice: measures.dice, jaccard: measures.jaccard,
                        llr: measures.logLikelihood, evidence: kept,
                        firstDate: tally.firstDated < 0 ? nil : documents[Int(tally.firstDated)].date,
                        lastDate: tally.lastDated < 0 ? nil : documents[Int(tally.lastDated)].date)
                    edge.weight = edge.value(of: settings.weight)
                    slots.initialize(next, to: edge)
                    next += 1
                }
            }
            initialized = starts[slices]
        }
        let graph = CooccurrenceGraph(
            nodes: graphNodes, edges: graphEdges, windowCount: windowCount,
            documentCount: documentCount, settings: settings)
        return graph.filtered().withAnalytics()
    }
}

/// Where the threads of ``GraphBuilder/build()`` put their edges: one array's storage, in which
/// each thread has a stretch of its own, counted before they start.
private struct EdgeSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<GraphEdge>?

    init(_ base: UnsafeMutablePointer<GraphEdge>?) {
        self.base = base
    }

    func initialize(_ position: Int, to edge: consuming GraphEdge) {
        (base! + position).initialize(to: edge)
    }
}

import Dispatch
import Foundation

/// Recognizes batches of documents on several threads, results in input order.
///
/// Each thread has its own ``Recognizer`` (with its own word cache) over one shared
/// ``AliasIndex``; documents are dealt out in turn, so the output is the same whatever the
/// number of threads.
public final class RecognitionPool: @unchecked Sendable {
    private let recognizers: [Recognizer]

    /// - Parameters:
    ///   - threads: how many threads to use, at least one; by default as many as cores.
    public init(index: AliasIndex, options: RecognitionOptions, threads: Int? = nil) {
        let count = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        recognizers = (0..<count).map { _ in Recognizer(index: index, options: options) }
    }

    public var threadCount: Int { recognizers.count }

    /// The recognized documents, in the order given.
    public func recognize(_ documents: [Document]) -> [RecognizedDocument] {
        recognize(documents) { $0 }
    }

    /// Recognizes documents and transforms each result on the worker thread (formatting output,
    /// say), returning the transformed values in the order given.
    public func recognize<Output>(_ documents: [Document], _ transform: @escaping (RecognizedDocument) -> Output) -> [Output] {
        guard recognizers.count > 1, documents.count > 1 else {
            return documents.map { transform(recognizers[0].recognize($0)) }
        }
        let job = Job(recognizers: recognizers, documents: documents, transform: transform)
        DispatchQueue.concurrentPerform(iterations: recognizers.count) { worker in
            job.run(worker: worker)
        }
        return job.results()
    }
}

/// One batch: each thread touches only its own recognizer and its own output slots.
private final class Job<Output>: @unchecked Sendable {
    let recognizers: [Recognizer]
    let documents: [Document]
    let transform: (RecognizedDocument) -> Output
    let slots: UnsafeMutableBufferPointer<Output?>

    init(recognizers: [Recognizer], documents: [Document], transform: @escaping (RecognizedDocument) -> Output) {
        self.recognizers = recognizers
        self.documents = documents
        self.transform = transform
        slots = .allocate(capacity: documents.count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func run(worker: Int) {
        for position in stride(from: worker, to: documents.count, by: recognizers.count) {
            slots[position] = transform(recognizers[worker].recognize(documents[position]))
        }
    }

    func results() -> [Output] { slots.map { $0! } }
}

import Dispatch
import Foundation

/// Recognizes batches of documents on several threads, results in input order.
///
/// Each thread has its own ``Recognizer`` (with its own word cache) over one shared
/// ``AliasIndex``. Threads take the next document as they finish one, longest first, so a long
/// document does not hold the others up, and each result goes to the slot of its document: the
/// output is the same whatever the number of threads. One batch runs at a time; while it runs, the caller is
/// free to read the next (see ``start(_:_:)``).
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
        start(documents, transform).results()
    }

    /// Starts recognizing a batch on the pool's threads and returns at once; the batch's
    /// ``Batch/results()`` waits for it. Start the next batch only after taking the results
    /// of this one: the threads' recognizers serve one batch at a time.
    public func start<Output>(_ documents: [Document], _ transform: @escaping (RecognizedDocument) -> Output) -> Batch<Output> {
        let batch = Batch(recognizers: recognizers, documents: documents, transform: transform)
        let workers = min(recognizers.count, documents.count)
        for worker in 0..<workers {
            DispatchQueue.global().async(group: batch.group) { batch.run(worker: worker) }
        }
        return batch
    }

    /// One batch of documents in flight: each thread touches only its own recognizer and the
    /// output slots of the documents it took.
    public final class Batch<Output>: @unchecked Sendable {
        private let recognizers: [Recognizer]
        private let documents: [Document]
        private let transform: (RecognizedDocument) -> Output
        private let slots: UnsafeMutableBufferPointer<Output?>
        private let lock = NSLock()
        private var next = 0
        /// The documents longest first: the last to finish are then short ones, and no thread
        /// waits long for another at the end of the batch.
        private let order: [Int]
        fileprivate let group = DispatchGroup()

        fileprivate init(recognizers: [Recognizer], documents: [Document], transform: @escaping (RecognizedDocument) -> Output) {
            self.recognizers = recognizers
            self.documents = documents
            self.transform = transform
            slots = .allocate(capacity: documents.count)
            slots.initialize(repeating: nil)
            order = documents.indices.sorted { (documents[$1].text.utf8.count, $0) < (documents[$0].text.utf8.count, $1) }
        }

        deinit {
            _ = slots.deinitialize()
            slots.deallocate()
        }

        fileprivate func run(worker: Int) {
            while true {
                lock.lock()
                let taken = next
                next += 1
                lock.unlock()
                guard taken < documents.count else { return }
                let position = order[taken]
                slots[position] = transform(recognizers[worker].recognize(documents[position]))
            }
        }

        /// Waits for the batch, then returns its results in the order of its documents.
        public func results() -> [Output] {
            group.wait()
            return slots.map { $0! }
        }
    }
}

import Dispatch
import Foundation

/// Recognizes batches of documents on several threads, results in input order.
///
/// Each thread works with a ``Recognizer`` of its own (with its own word cache) over one shared
/// ``AliasIndex``, taken from the pool for the time it works on a batch. Threads take the next
/// document as they finish one, longest first, so a long document does not hold the others up,
/// and each result goes to the slot of its document: the output is the same whatever the number
/// of threads.
///
/// Batches may overlap: start the next one before taking the results of this one (see
/// ``start(_:_:)``), and a thread that runs out of this batch's documents moves on to the next
/// while the others finish theirs, instead of waiting at the batch's end.
public final class RecognitionPool: @unchecked Sendable {
    /// The recognizers no thread is working with, guarded by `lock`; `available` counts them.
    private var idle: [Recognizer]
    private let lock = NSLock()
    private let available: DispatchSemaphore
    public let threadCount: Int

    /// - Parameters:
    ///   - threads: how many threads to use, at least one; by default as many as cores.
    public init(index: AliasIndex, options: RecognitionOptions, threads: Int? = nil) {
        threadCount = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        idle = (0..<threadCount).map { _ in Recognizer(index: index, options: options) }
        available = DispatchSemaphore(value: threadCount)
    }

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
    /// ``Batch/results()`` waits for it. A batch started while another runs gets the threads
    /// as the other's run out of documents; keep no more than two in flight, or results pile
    /// up in memory.
    public func start<Output>(_ documents: [Document], _ transform: @escaping (RecognizedDocument) -> Output) -> Batch<Output> {
        let batch = Batch(documents: documents, transform: transform)
        for _ in 0..<min(threadCount, documents.count) {
            DispatchQueue.global().async(group: batch.group) { [self] in
                let recognizer = checkOut()
                batch.run(with: recognizer)
                checkIn(recognizer)
            }
        }
        return batch
    }

    /// A recognizer no other thread works with, waiting for one if need be.
    private func checkOut() -> Recognizer {
        available.wait()
        lock.lock()
        defer { lock.unlock() }
        return idle.removeLast()
    }

    private func checkIn(_ recognizer: Recognizer) {
        lock.lock()
        idle.append(recognizer)
        lock.unlock()
        available.signal()
    }

    /// One batch of documents in flight: each thread touches only the recognizer it checked out
    /// and the output slots of the documents it took.
    public final class Batch<Output>: @unchecked Sendable {
        private let documents: [Document]
        private let transform: (RecognizedDocument) -> Output
        private let slots: UnsafeMutableBufferPointer<Output?>
        private let lock = NSLock()
        private var next = 0
        /// The documents longest first: the last to finish are then short ones.
        private let order: [Int]
        fileprivate let group = DispatchGroup()

        fileprivate init(documents: [Document], transform: @escaping (RecognizedDocument) -> Output) {
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

        fileprivate func run(with recognizer: Recognizer) {
            while true {
                lock.lock()
                let taken = next
                next += 1
                lock.unlock()
                guard taken < documents.count else { return }
                let position = order[taken]
                slots[position] = transform(recognizer.recognize(documents[position]))
            }
        }

        /// Waits for the batch, then returns its results in the order of its documents.
        public func results() -> [Output] {
            group.wait()
            return slots.map { $0! }
        }
    }
}

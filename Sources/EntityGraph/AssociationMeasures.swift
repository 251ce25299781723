import Foundation

/// Association between two items from their joint and marginal counts over *N* windows.
///
/// With *a* = windows holding both, *b* = windows holding only the first, *c* = only the second
/// and *d* = neither (the 2×2 contingency table):
/// - PMI = log₂(a·N / ((a+b)(a+c))), Church & Hanks (1990);
/// - NPMI = PMI / −log₂(a/N), Bouma (2009), 1 when the two always occur together;
/// - Dice = 2a / (2a + b + c); Jaccard = a / (a + b + c);
/// - G² = 2 Σ O·ln(O/E) over the four cells, Dunning (1993), "Accurate methods for the
///   statistics of surprise and coincidence".
public struct AssociationMeasures: Hashable, Sendable {
    public var pmi: Double
    public var npmi: Double
    public var dice: Double
    public var jaccard: Double
    public var logLikelihood: Double

    /// - Parameters:
    ///   - joint: windows holding both items.
    ///   - first: windows holding the first item.
    ///   - second: windows holding the second item.
    ///   - total: all windows.
    public init(joint: Int, first: Int, second: Int, total: Int) {
        let n = Double(max(total, 1))
        let a = Double(joint)
        let b = Double(max(first - joint, 0))
        let c = Double(max(second - joint, 0))
        let d = max(n - a - b - c, 0)
        if joint > 0, first > 0, second > 0 {
            pmi = log2(a * n / (Double(first) * Double(second)))
            let pJoint = a / n
            npmi = pJoint >= 1 ? 1 : pmi / -log2(pJoint)
        } else {
            pmi = 0
            npmi = -1
        }
        dice = a + b + c > 0 ? 2 * a / (2 * a + b + c) : 0
        jaccard = a + b + c > 0 ? a / (a + b + c) : 0

        let rows = [a + b, c + d]
        let columns = [a + c, b + d]
        let observed = [[a, b], [c, d]]
        var g = 0.0
        for row in 0..<2 {
            for column in 0..<2 {
                let o = observed[row][column]
                let e = rows[row] * columns[column] / n
                if o > 0, e > 0 { g += o * log(o / e) }
            }
        }
        logLikelihood = max(2 * g, 0)
    }
}

import PasserelleModel
import PasserelleOutput
import Foundation

/// The weight budget of `site.yaml` (`budget: { page: 60KB }`) held against every HTML page a
/// build renders: each page over it is a warning (an error with `--strict`) at the budget's line,
/// naming the page and its size, raw and gzipped. Safe from the render threads.
final class PageBudgetCheck: Sendable {
    let budget: PageBudget
    private let over = Locked<[(path: String, bytes: Int, gzipped: Int)]>([])

    init(budget: PageBudget) {
        self.budget = budget
    }

    /// Measures one written file (only HTML pages count).
    func measure(_ path: String, _ bytes: [UInt8]) {
        guard path.hasSuffix(".html"), bytes.count > budget.bytes else { return }
        let gzipped = bytes.withUnsafeBytes { Precompression.gzip($0)?.count ?? bytes.count }
        over.withLock { $0.append((path, bytes.count, gzipped)) }
    }

    /// One diagnostic per page over the budget, in path order.
    func diagnostics(strict: Bool) -> [Diagnostic] {
        over.withLock { $0 }.sorted { $0.path < $1.path }.map { page in
            let message = "page \(page.path) weighs \(Self.kilobytes(page.bytes)) (\(Self.kilobytes(page.gzipped)) gzipped), "
                + "over the budget of \(budget.text) (\(Self.kilobytes(budget.bytes)))"
            return strict ? .error(budget.location, message) : .warning(budget.location, message)
        }
    }

    /// `61.4 KB` (KB: 1,024 bytes), as the budget counts.
    static func kilobytes(_ bytes: Int) -> String {
        let tenths = (Double(bytes) / 1024 * 10).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths)) KB" : "\(tenths) KB"
    }
}

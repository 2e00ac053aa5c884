// The homogeneity benchmark, plaudit's side (Benchmarks/homogeneity/run.sh runs it beside the numpy peer).
// Usage: plaudit-homogeneity-bench FILE DIMENSION [REPEATS]
// FILE holds raw little-endian float32 rows, 50 per model (bench_numpy.py make). Prints one JSON line with the
// median time of the full cosine matrix, of the nearest-neighbour model counts (N = 5 and 50), and of the whole
// one-prompt analysis (`HomogeneityAudit`: matrix, within- and cross-model means, distinct-k, mixing), plus the
// process's peak RSS and checksums to compare with the peer.
import Foundation
import PlauditAudits
import PlauditCore
import PlauditStats

@main
struct HomogeneityBench {
    static let samples = 50

    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3, let dimension = Int(arguments[2]) else {
            FileHandle.standardError.write(Data("usage: plaudit-homogeneity-bench FILE DIMENSION [REPEATS]\n".utf8))
            exit(2)
        }
        let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
        let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
        let floats = data.withUnsafeBytes { raw in (0..<(data.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) } }
        let vectors = (0..<(floats.count / dimension)).map { Array(floats[($0 * dimension)..<(($0 + 1) * dimension)]) }
        let labels = vectors.indices.map { $0 / samples }

        _ = CosineMatrix(vectors)
        var matrixTimes: [Double] = []
        var neighbourTimes: [Double] = []
        var mixing: [Int: Double] = [:]
        var matrix = CosineMatrix([])
        for _ in 0..<repeats {
            var start = ContinuousClock.now
            matrix = CosineMatrix(vectors)
            matrixTimes.append(seconds(since: start))
            start = ContinuousClock.now
            mixing = distinctModels(matrix, labels: labels, counts: [5, 50])
            neighbourTimes.append(seconds(since: start))
        }
        var sum = 0.0
        for i in 0..<matrix.count { for j in (i + 1)..<matrix.count { sum += matrix[i, j] } }
        let meanCosine = sum / Double(matrix.count * (matrix.count - 1) / 2)

        let item = Item(
            id: "bench", prompt: .text("bench"),
            responses: vectors.indices.map { Response(id: "r\($0)", text: "", model: String(format: "m%02d", labels[$0])) }
        )
        let input = try HomogeneityInput(items: [item])
        let audit = HomogeneityAudit(options: HomogeneityOptions(bootstrapResamples: 100, threads: 1))
        var analysisTimes: [Double] = []
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            let outcome = await audit.analyze(input: input, vectors: [vectors])
            analysisTimes.append(seconds(since: start))
            precondition(abs(outcome.mixing[0].mean - mixing[5]!) < 1e-12)
        }

        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let line: [String: Any] = [
            "route": "plaudit", "vectors": vectors.count, "dimension": dimension,
            "matrix_s": rounded(median(matrixTimes), 4), "neighbours_s": rounded(median(neighbourTimes), 4),
            "analysis_s": rounded(median(analysisTimes), 4), "peak_rss_mb": rounded(Double(usage.ru_maxrss) / 1024, 1),
            "mean_cosine": rounded(meanCosine, 6), "mixing_5": rounded(mixing[5]!, 4), "mixing_50": rounded(mixing[50]!, 4),
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
    }

    /// The average over rows of the number of distinct models among each row's k nearest others.
    static func distinctModels(_ matrix: CosineMatrix, labels: [Int], counts: [Int]) -> [Int: Double] {
        let largest = counts.max()!
        var totals = [Int: Int]()
        var seen = [Bool](repeating: false, count: labels.max()! + 1)
        for i in 0..<matrix.count {
            let nearest = NearestNeighbours.indices(of: i, in: matrix, k: largest)
            for k in counts {
                var distinct = 0
                for j in nearest.prefix(k) where !seen[labels[j]] {
                    seen[labels[j]] = true
                    distinct += 1
                }
                for j in nearest.prefix(k) { seen[labels[j]] = false }
                totals[k, default: 0] += distinct
            }
        }
        return totals.mapValues { Double($0) / Double(matrix.count) }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func rounded(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}

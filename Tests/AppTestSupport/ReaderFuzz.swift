import Foundation
import PropertyBased
import Testing

/// Property-based checks of the readers (SIE, Kolada, the organisation file and its archive, CSV):
/// inputs made of each reader's own tokens mixed with hostile ones, from a fixed seed so that a run
/// repeats exactly, with the inputs that once stopped the server as the first cases. Each case must
/// return or throw the reader's own error within `limit`.
public enum ReaderFuzz {
    /// The seed every reader's inputs come from.
    public static let seed: (UInt64, UInt64, UInt64, UInt64) = (0x5A4D_5359_4E00_0028, 0x0043_F0F0_5000_0001, 0x5349_4500_4B4F_4C41, 0x4441_0054_4152_0001)

    /// `count` texts: the seeds first, then joins of 0 to `tokens` words of `vocabulary`.
    public static func texts(_ vocabulary: [String], seeds: [String] = [], count: Int, tokens: Int = 60) -> [String] {
        var rng = Xoshiro(seed: seed)
        let word = Gen<String?>.element(of: vocabulary).map { $0 ?? "" }
        let text = word.array(of: 0...tokens).map { $0.joined() }
        return seeds + (0..<max(0, count - seeds.count)).map { _ in text.run(using: &rng) }
    }

    /// Runs `read` on every input, recording an issue for each that takes longer than `limit`; the number of inputs read.
    /// The limit catches a reader that hangs or goes quadratic on these small inputs (seconds and more), not a
    /// loaded machine: 100 ms failed once in a full parallel run on a 2-core machine.
    @discardableResult
    public static func check<Input>(_ inputs: [Input], limit: Duration = .seconds(1), sourceLocation: SourceLocation = #_sourceLocation,
                                    _ read: (Input) throws -> Void) rethrows -> Int {
        let clock = ContinuousClock()
        for input in inputs {
            let took = try clock.measure { try read(input) }
            if took > limit {
                Issue.record("took \(took) for \(String(describing: input).prefix(200).debugDescription)", sourceLocation: sourceLocation)
            }
        }
        return inputs.count
    }

    /// A generator of `count` values from the same seed, for round trips.
    public static func values<Value>(_ generator: Generator<Value, some Sequence>, count: Int) -> [Value] {
        var rng = Xoshiro(seed: seed)
        return (0..<count).map { _ in generator.run(using: &rng) }
    }
}

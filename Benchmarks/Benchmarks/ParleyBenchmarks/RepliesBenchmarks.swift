import Benchmark
import ParleyModeration
import ParleyReplies
import ParleyTesting
import ParleyText
import ParleyTone

/// ParleyReplies over the benchmark corpus, on messages already segmented and read by ParleyTone:
/// the intent and three replies, built into one reused `ReplySet`; one iteration answers every
/// message once. The instruction ratio to ICU word break is checked with valgrind (workload
/// `replies`, Thresholds/ratios.tsv); this benchmark carries the allocation threshold.
func registerRepliesBenchmarks() {
    let resources: ReplyResources
    let tone: ToneResources
    do {
        let moderation = try ModerationResources.load(from: Fixtures.lexiconsDirectory)
        resources = try ReplyResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources, moderation: moderation)
        tone = try ToneResources.load(from: Fixtures.lexiconsDirectory, textResources: Fixtures.textResources)
    } catch {
        fatalError("cannot load the replies lexicons: \(error)")
    }
    let segmenter = Fixtures.segmenter()
    let analyzer = ToneAnalyzer(resources: tone)
    let context = ToneContext(referenceTime: 1_774_602_000)
    let inputs = BenchmarkCorpus.messages.map { text in
        do {
            let message = try segmenter.read(text)
            let report = analyzer.analyze(message, context: context)
            return (message, report.language, ReplyRegister(answering: report.formality))
        } catch {
            fatalError("cannot read a benchmark message: \(error)")
        }
    }
    let values: PlaceholderValues
    do {
        values = try PlaceholderValues(catalog: resources.placeholders, ["fee": "1 500 €", "date": "samedi 14 juin"])
    } catch {
        fatalError("\(error)")
    }

    Benchmark("replies-suggest") { benchmark in
        let engine = SmartReplies(resources: resources)
        var set = ReplySet()
        func answerAll() {
            for (message, language, register) in inputs {
                engine.suggest(for: message, language: language, register: register, values: values, into: &set)
                blackHole(set.replies.count)
            }
        }
        answerAll()  // warm the buffers
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { answerAll() }
    }
}

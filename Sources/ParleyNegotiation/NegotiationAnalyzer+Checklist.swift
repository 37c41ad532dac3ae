import ParleyTone

extension NegotiationAnalyzer {
    /// The checklist of a recorded conversation, in `language`.
    ///
    /// A topic is discussed when a message names it (a price names the fee, a date names the date),
    /// and settled when a settling phrase names it ("contrat signé") or when a side accepts what the
    /// other side's messages since its own last message named (what the accepting message names
    /// itself stays open: "ok si le transport est pris en charge" is a condition). A new price after
    /// an agreed one reopens the fee.
    /// - Complexity: O(messages × topics); allocates the checklist.
    public func checklist(_ conversation: NegotiationConversation, language: ToneLanguage, referenceTime: Double? = nil) -> Checklist {
        let texts = resources.texts
        let topics = Topic.allCases
        var status = [ChecklistItem.Status](repeating: .missing, count: topics.count)
        var where_ = [Int?](repeating: nil, count: topics.count)
        // For each topic, the side and message that last named it while it was open.
        var pending = [(side: String, index: Int)?](repeating: nil, count: topics.count)
        var agreedPrice: PriceMention?
        var lastPrice: PriceMention?
        var firstPrice: Int?
        var firstSettled: Int?
        var signed: Int?
        var failed: Int?

        func settle(_ topic: Topic, at index: Int) {
            status[topic.index] = .settled
            where_[topic.index] = index
            pending[topic.index] = nil
            if firstSettled == nil { firstSettled = index }
            if topic == .contract { signed = index }
        }

        for (index, turn) in conversation.turns.enumerated() {
            let reading = turn.reading
            if let price = reading.prices.last {
                lastPrice = price
                if firstPrice == nil { firstPrice = index }
                // A new price reopens an agreed fee unless it repeats it.
                if status[Topic.fee.index] == .settled, let agreed = agreedPrice, abs(agreed.midpoint - price.midpoint) > 0.01 * agreed.midpoint,
                    reading.proposal != .acceptance
                {
                    status[Topic.fee.index] = .discussed
                    agreedPrice = nil
                }
            }
            for mention in reading.topics where mention.settles {
                settle(mention.topic, at: index)
            }
            switch reading.proposal {
            case .acceptance:
                let since = conversation.turns[..<index].lastIndex { $0.side == turn.side } ?? -1
                for topic in topics {
                    guard status[topic.index] == .discussed, let open = pending[topic.index] else { continue }
                    // Only what the other side named since this side last spoke is accepted.
                    if open.side != turn.side && open.index > since {
                        settle(topic, at: index)
                    }
                }
                if status[Topic.fee.index] == .settled && agreedPrice == nil { agreedPrice = reading.prices.last ?? lastPrice }
                failed = nil
            case .withdrawal:
                failed = index
            case .offer, .counterOffer:
                failed = nil
            default:
                break
            }
            // After the acceptance: what this message names itself stays open for the other side.
            func discuss(_ topic: Topic) {
                guard status[topic.index] != .settled else { return }
                status[topic.index] = .discussed
                where_[topic.index] = index
                pending[topic.index] = (turn.side, index)
            }
            for mention in reading.topics { discuss(mention.topic) }
            if !turn.dates.isEmpty { discuss(.date) }
        }

        let stage: DealStage
        let reason: String
        let stageIndex: Int?
        if let failed {
            (stage, stageIndex) = (.failed, failed)
            reason = texts.text("stage.failed", language, [("index", String(failed + 1))])
        } else if let signed {
            (stage, stageIndex) = (.signed, signed)
            reason = texts.text("stage.signed", language, [("index", String(signed + 1))])
        } else if let firstSettled, firstPrice == nil || firstSettled <= firstPrice! {
            (stage, stageIndex) = (.negotiation, firstSettled)
            reason = texts.text("stage.negotiation.settled", language, [("index", String(firstSettled + 1))])
        } else if let firstPrice {
            (stage, stageIndex) = (.negotiation, firstPrice)
            reason = texts.text("stage.negotiation.price", language, [("index", String(firstPrice + 1))])
        } else {
            (stage, stageIndex) = (.discussion, nil)
            reason = texts.text("stage.discussion", language)
        }

        var items: [ChecklistItem] = []
        items.reserveCapacity(topics.count)
        var reminders: [String] = []
        var legal: [String] = []
        let remind = stage == .negotiation || (stage == .discussion && conversation.turns.count >= resources.settings.remindersAfterMessages)
        for topic in topics {
            let required = resources.requiredTopics.contains(topic)
            items.append(
                ChecklistItem(topic: topic, label: texts.text(.label, topic, language), status: status[topic.index],
                              messageIndex: where_[topic.index], required: required))
            if remind && required && status[topic.index] == .missing { reminders.append(texts.text(.missing, topic, language)) }
            if stage == .negotiation && resources.legalTopics.contains(topic) && status[topic.index] != .settled {
                legal.append(texts.text(.legal, topic, language))
            }
        }
        return Checklist(
            items: items, stage: stage, stageReason: reason, stageMessageIndex: stageIndex, agreedPrice: agreedPrice,
            lastPrice: lastPrice, reminders: reminders, legalReminders: legal,
            timeline: referenceTime.map { timeline(conversation, now: $0, language: language, open: stage != .signed && stage != .failed) } ?? [])
    }

    /// Deadlines of the conversation within the alert window, soonest first; passed ones while the
    /// deal is still open.
    private func timeline(_ conversation: NegotiationConversation, now: Double, language: ToneLanguage, open: Bool) -> [TimelineAlert] {
        let day = 86_400.0
        var alerts: [TimelineAlert] = []
        var seen: [Double] = []
        for (index, turn) in conversation.turns.enumerated() {
            for mention in turn.dates where mention.isDeadline && !seen.contains(mention.deadline) {
                seen.append(mention.deadline)
                let left = (mention.deadline - now) / day
                guard left <= resources.settings.timelineAlertDays else { continue }
                // Days left rounded up ("3 days left" on Tuesday morning for Friday); days passed rounded down.
                let days = left >= 0 ? Int(left.rounded(.up)) : -Int((-left).rounded(.down))
                let text: String
                if left < 0 && days < 0 {
                    guard open else { continue }
                    text = resources.texts.text("timeline.passed", language, [("days", String(-days))])
                } else if left < 0 || left < 0.5 {
                    text = resources.texts.text("timeline.today", language)
                } else if days == 1 {
                    text = resources.texts.text("timeline.tomorrow", language)
                } else {
                    text = resources.texts.text("timeline.soon", language, [("days", String(days))])
                }
                alerts.append(TimelineAlert(messageIndex: index, span: mention.span, deadline: mention.deadline, daysLeft: days, text: text))
            }
        }
        return alerts.sorted { $0.deadline < $1.deadline }
    }
}

import ParleyTone

/// The languages replies, templates and ice-breakers are written in: the platform's two.
public typealias ReplyLanguage = ToneLanguage

/// Words someone said, attributed: the speaker, the text in its original language, a
/// translation, and where it was reported.
public struct Quote: Hashable, Sendable {
    /// The speaker's actor name.
    public var speaker: String
    /// The words as said, in `language`.
    public var text: String
    /// ISO 639-1 code of `text`: "fr".
    public var language: String
    public var translation: String?
    /// ISO 639-1 code of `translation`.
    public var translationLanguage: String?
    /// Where the quote was reported.
    public var source: Citation?
    /// Derived when read, ignored when written: the role the speaker held when the event
    /// happened, from the speaker's affiliations ("CEO, Google").
    public var speakerRole: String?

    public init(
        speaker: String, text: String, language: String, translation: String? = nil,
        translationLanguage: String? = nil, source: Citation? = nil, speakerRole: String? = nil
    ) {
        self.speaker = speaker
        self.text = text
        self.language = language
        self.translation = translation
        self.translationLanguage = translationLanguage
        self.source = source
        self.speakerRole = speakerRole
    }

    /// "Molly Biwer (president of marketing, Mayo Clinic)", or the name alone.
    public var attribution: String { speakerRole.map { "\(speaker) (\($0))" } ?? speaker }
}
